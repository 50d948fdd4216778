using System.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Output;

/// <summary>Our SARIF passes the SARIF Multitool with GitHub's ingestion rules (tests/tools/validate-sarif).</summary>
public sealed class SarifValidationTests
{
    [SarifMultitoolFact]
    public void Sarif_of_every_rule_fixture_and_sample_validates_without_errors()
    {
        using var temp = new TempDirectory();
        var files = new List<string>();
        foreach (var id in RuleFixture.AnalyzerIds)
        {
            var fixture = new RuleFixture(id);
            if (fixture.Input("bad") is null)
            {
                continue;
            }

            // The full catalogue, as the CLI writes it, not the golden file's single rule.
            var report = fixture.Analyze("bad");
            files.Add(temp.Write($"{id}.sarif", WriteSarif(report)));
        }

        var samples = Path.Combine(RepoPaths.Root, "samples");
        if (Directory.Exists(samples))
        {
            var inputs = new InputLoader(new InputLoaderOptions { BaseDirectory = RepoPaths.Root }).Load(["samples"]);
            files.Add(temp.Write("samples.sarif", WriteSarif(AnalysisReport.Analyze(inputs, RepoPaths.Root))));
        }

        // An engine finding without a file, next to an ordinary one.
        var failure = ManifestPolicy.Rules.AnalyzerFailure.Create(new ManifestPolicy.Rules.MP0001InvalidYaml(), new InvalidOperationException("boom"));
        var text = new ManifestPolicy.Syntax.SourceText("a b/ä.yaml", "name: orders\n");
        files.Add(temp.Write("engine.sarif", WriteSarif(TestDiagnostics.Report(failure, TestDiagnostics.At(text, "orders")))));

        Assert.NotEmpty(files);
        var (exitCode, output) = RunValidator(files);
        Assert.True(exitCode == 0, $"validate-sarif exited {exitCode}:\n{output}");
        Assert.Contains(" 0 error(s)", output, StringComparison.Ordinal);
    }

    [SarifMultitoolFact]
    public void Validator_rejects_sarif_that_github_would_reject()
    {
        using var temp = new TempDirectory();
        // A result without a location and a rule without help text: GitHub's ingestion rules report both.
        var bad = temp.Write("bad.sarif", """
            {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"R1"}]}},
             "results":[{"ruleId":"R1","message":{"text":"m"}}]}]}
            """);
        var (exitCode, output) = RunValidator([bad]);
        Assert.True(exitCode == 1, $"expected exit 1, got {exitCode}:\n{output}");
    }

    private static string WriteSarif(AnalysisReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new SarifLogWriter(writer).Write(report);
        return writer.ToString();
    }

    private static (int ExitCode, string Output) RunValidator(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoPaths.ValidateSarif);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
