using ManifestPolicy.Analyzers;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Configuration;

/// <summary>MP0002 comes from the engine, not an analyzer, so its fixtures run through the whole filter.</summary>
public class MP0002FixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Rules", "MP0002");

    private static IReadOnlyList<Diagnostic> Check(string name)
    {
        var text = SourceText.FromBytes($"{name}.yaml", File.ReadAllBytes(Path.Combine(Folder, $"{name}.yaml")));
        var compilation = ManifestCompilation.Create([SyntaxTree.Parse(text)]);
        return new DiagnosticFilter().Apply(compilation, new AnalyzerDriver().Analyze(compilation, AnalyzerOptions.Default));
    }

    [Fact]
    public void Bad_fixture_reports_each_stale_suppression_as_a_note()
    {
        var unused = Check("bad").Where(d => d.Id == "MP0002").ToList();

        Assert.Equal([7, 9, 11, 13], unused.Select(d => d.Location.Position.Start.Line));
        Assert.All(unused, d => Assert.Equal(Severity.Note, d.Severity));
        Assert.Contains("'MP9999' in this suppression names no rule", unused[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_fixture_reports_no_MP0002()
    {
        var result = Check("good");

        Assert.DoesNotContain(result, d => d.Id == "MP0002");
        Assert.Contains(result, d => d.Id == "MP3001");
        Assert.All(result, d => Assert.NotNull(d.Suppression));
    }
}
