using System.Diagnostics;
using Xunit.Abstractions;

namespace ManifestPolicy.Tests.Corpus;

/// <summary>Skips unless MANIFESTPOLICY_FULL_CORPUS names a corpus folder; never needed in CI.</summary>
public sealed class FullCorpusFactAttribute : FactAttribute
{
    public const string Variable = "MANIFESTPOLICY_FULL_CORPUS";

    public FullCorpusFactAttribute()
    {
        var root = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(root))
        {
            Skip = $"Set {Variable} to a corpus folder of <owner>__<repo> directories to run this test.";
        }
        else if (!Directory.Exists(root))
        {
            Skip = $"{Variable} points at '{root}', which is not a directory.";
        }
    }
}

/// <summary>
/// The full shared corpus (about 2,200 files, 17 MB): no rule failure, and counts and timings per repository in the
/// test output, which benchmarks/corpus-timing.sh prints.
/// </summary>
public class FullCorpusTests(ITestOutputHelper output)
{
    [FullCorpusFact]
    public void Full_corpus_analyses_without_rule_failures()
    {
        var root = Environment.GetEnvironmentVariable(FullCorpusFactAttribute.Variable)!;
        var total = Stopwatch.StartNew();
        var failures = new List<string>();
        var files = 0;
        var placeholderTotal = TimeSpan.Zero;
        foreach (var repository in CorpusLoader.Repositories(root))
        {
            var stopwatch = Stopwatch.StartNew();
            var compilation = CorpusLoader.LoadRepository(root, repository);
            var loaded = stopwatch.Elapsed;
            var diagnostics = new Analyzers.AnalyzerDriver().Analyze(compilation);
            var analysed = stopwatch.Elapsed;
            new ManifestPolicy.Analyzers.AnalyzerDriver([new ManifestPolicy.Rules.MP2001UnresolvedPlaceholder()]).Analyze(compilation);
            var placeholderRule = stopwatch.Elapsed - analysed;
            files += compilation.Trees.Count;
            placeholderTotal += placeholderRule;
            failures.AddRange(diagnostics.Where(d => d.Id == "MP0000").Select(d => $"{repository}: {d.Message}"));
            var counts = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
            output.WriteLine($"{repository}: {compilation.Trees.Count} files, parse {loaded.TotalMilliseconds:F0} ms, analyse {(analysed - loaded).TotalMilliseconds:F0} ms (MP2001 alone, again: {placeholderRule.TotalMilliseconds:F0} ms); {(counts.Length == 0 ? "no findings" : counts)}");
        }

        output.WriteLine($"total: {files} files in {total.ElapsedMilliseconds} ms, of which MP2001 alone {placeholderTotal.TotalMilliseconds:F0} ms");
        Assert.Empty(failures);
    }
}
