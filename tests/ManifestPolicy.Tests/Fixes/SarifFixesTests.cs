using System.Diagnostics;
using System.Text.Json;
using ManifestPolicy.Fixes;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Fixes;

public sealed class SarifFixesTests
{
    private static (string Sarif, InputSet Inputs) SampleSarif()
    {
        var inputs = new InputLoader(new InputLoaderOptions { BaseDirectory = RepoPaths.Root }).Load(["samples/infrastructure/kubernetes"]);
        var report = AnalysisReport.Analyze(inputs, RepoPaths.Root);
        var fixes = SarifFixes.Create(inputs.Trees, report.Diagnostics);
        var writer = new StringWriter { NewLine = "\n" };
        new SarifLogWriter(writer, new SarifWriterOptions { WriteFixes = fixes.Write }).Write(report);
        return (writer.ToString(), inputs);
    }

    [Fact]
    public void Sarif_fixes_apply_to_exactly_what_fix_writes()
    {
        var (sarif, inputs) = SampleSarif();
        using var document = JsonDocument.Parse(sarif);
        var replacements = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var withFixes = 0;
        foreach (var result in document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            if (!result.TryGetProperty("fixes", out var fixes))
            {
                Assert.Equal("MP2001", result.GetProperty("ruleId").GetString());
                continue;
            }

            withFixes++;
            foreach (var change in fixes[0].GetProperty("artifactChanges").EnumerateArray())
            {
                var uri = change.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                foreach (var replacement in change.GetProperty("replacements").EnumerateArray())
                {
                    var region = replacement.GetProperty("deletedRegion");
                    var start = region.GetProperty("charOffset").GetInt32();
                    var text = replacement.TryGetProperty("insertedContent", out var inserted) ? inserted.GetProperty("text").GetString()! : string.Empty;
                    var edit = new TextEdit(new TextSpan(start, start + region.GetProperty("charLength").GetInt32()), text);
                    var source = inputs.Trees.Single(t => t.Path == uri).Text;
                    Assert.Equal(source.GetPosition(start), new LinePosition(region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
                    if (!replacements.TryGetValue(uri, out var list))
                    {
                        replacements[uri] = list = [];
                    }

                    if (!list.Contains(edit))
                    {
                        list.Add(edit);
                    }
                }
            }
        }

        Assert.Equal(6, withFixes);
        var fixedRun = new FixRunner(new FixOptions()).Run(inputs.Trees);
        foreach (var (path, edits) in replacements)
        {
            var applied = FixRunner.ApplyEdits(inputs.Trees.Single(t => t.Path == path).Text, [.. edits.OrderBy(e => e.Span.Start)]);
            Assert.Equal(fixedRun.TextOf(path), applied.Text);
        }
    }

    [SarifMultitoolFact]
    public void Sarif_with_fixes_validates()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("fixes.sarif", SampleSarif().Sarif);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoPaths.ValidateSarif);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains(" 0 error(s)", output, StringComparison.Ordinal);
    }
}
