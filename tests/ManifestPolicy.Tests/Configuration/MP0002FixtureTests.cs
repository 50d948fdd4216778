using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Rules;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

/// <summary>
/// MP0002 comes from the engine, not an analyzer, so the rule fixture harness does not run it: its fixtures and golden
/// outputs are checked here, through the whole filter, as `check` runs them.
/// </summary>
public class MP0002FixtureTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.RuleFixtures, "MP0002");

    private static AnalysisReport Check(string name)
    {
        var inputs = new InputLoader(new InputLoaderOptions { BaseDirectory = Folder }).Load([$"{name}.yaml"]);
        return AnalysisReport.Analyze(inputs, "/fixtures/MP0002", filter: new DiagnosticFilter(SeverityResolver.Defaults, workingDirectory: Folder));
    }

    [Fact]
    public void Bad_fixture_reports_each_stale_suppression_as_a_note()
    {
        var unused = Check("bad").Diagnostics.Where(d => d.Id == "MP0002").ToList();

        Assert.Equal([7, 9, 11, 13], unused.Select(d => d.Location.Position.Start.Line));
        Assert.All(unused, d => Assert.Equal(Severity.Note, d.Severity));
        Assert.Contains("'MP9999' in this suppression names no rule", unused[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_fixture_reports_no_MP0002()
    {
        var result = Check("good").Diagnostics;

        Assert.DoesNotContain(result, d => d.Id == "MP0002");
        Assert.Contains(result, d => d.Id == "MP3001");
        Assert.All(result, d => Assert.NotNull(d.Suppression));
    }

    [Fact]
    public void Bad_fixture_outputs_match_golden()
    {
        var report = Check("bad");
        report = report with { Diagnostics = [.. report.Diagnostics.Where(d => d.Id == "MP0002")] };

        var text = new StringWriter { NewLine = "\n" };
        new TextDiagnosticWriter(text).Write(report);
        Golden.Verify(Path.Combine(Folder, "bad.expected.txt"), text.ToString());

        var sarif = new StringWriter { NewLine = "\n" };
        new SarifLogWriter(sarif, new SarifWriterOptions { Rules = [MP0002UnusedSuppression.Descriptor] }).Write(report);
        Golden.Verify(Path.Combine(Folder, "bad.expected.sarif"), sarif.ToString());
    }
}
