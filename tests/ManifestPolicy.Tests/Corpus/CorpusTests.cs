using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ManifestPolicy.Diagnostics;
using Xunit.Abstractions;

namespace ManifestPolicy.Tests.Corpus;

/// <summary>
/// The real-world corpus under tests/corpus/real: it must analyse without rule failures, and the findings
/// tests/corpus/expectations.tsv derives from EXPECTED.md must (or must not) be there.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> Findings = new(StringComparer.Ordinal);

    public static TheoryData<string> Repositories() => [.. CorpusLoader.Repositories(CorpusLoader.CopiedCorpus)];

    public static TheoryData<string, string, string, string, string> Expectations()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in CorpusExpectation.Load(Path.Combine(CorpusLoader.RepositoryRoot, "tests", "corpus", "expectations.tsv")))
        {
            data.Add(row.Rule, row.File, row.Line, row.Expect, row.Note);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Repository_analyses_without_rule_failures(string repository)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = FindingsOf(repository);
        Assert.DoesNotContain(diagnostics, d => d.Id == AnalyzerFailureId);
        output.WriteLine($"{repository}: {diagnostics.Count} findings in {stopwatch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Expectation(string rule, string file, string line, string expect, string note)
    {
        var repository = file[..file.IndexOf('/', StringComparison.Ordinal)];
        var matching = FindingsOf(repository)
            .Where(d => d.Id == rule)
            .Where(d => file.EndsWith('/') ? d.Location.Path.StartsWith(file, StringComparison.Ordinal) : d.Location.Path == file)
            .Where(d => line == "any" || d.Location.Position.Start.Line == int.Parse(line, CultureInfo.InvariantCulture))
            .ToList();
        var where = $"{rule} at {file}{(line == "any" ? string.Empty : ":" + line)} ({note})";
        if (expect == "present")
        {
            Assert.True(matching.Count > 0, $"Expected a finding {where}; found none.");
        }
        else
        {
            Assert.True(matching.Count == 0, $"Expected no finding {where}; found: {string.Join(" | ", matching.Select(d => $"{d.Location.Position.Start}: {d.Message}"))}");
        }
    }

    private const string AnalyzerFailureId = "MP0000";

    private static IReadOnlyList<Diagnostic> FindingsOf(string repository) =>
        Findings.GetOrAdd(repository, r => CorpusLoader.Analyze(CorpusLoader.CopiedCorpus, r));
}

/// <summary>One row of tests/corpus/expectations.tsv.</summary>
internal sealed record CorpusExpectation(string Rule, string File, string Line, string Expect, string Note)
{
    public static IReadOnlyList<CorpusExpectation> Load(string path) =>
        [.. System.IO.File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("rule\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(cells => cells.Length == 5 && cells[3] is "present" or "absent"
                ? new CorpusExpectation(cells[0], cells[1], cells[2], cells[3], cells[4])
                : throw new InvalidDataException($"Malformed expectation row in {path}: {string.Join("\t", cells)}"))];
}
