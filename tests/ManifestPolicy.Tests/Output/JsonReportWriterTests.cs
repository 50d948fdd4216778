using System.Text.Json;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Output;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Output;

/// <summary>The JSON report is a contract (docs/json-format.md): these names and types must not change.</summary>
public sealed class JsonReportWriterTests
{
    private static JsonElement Write(AnalysisReport report, bool includeSuppressed = false)
    {
        var writer = new StringWriter();
        new JsonReportWriter(writer, includeSuppressed).Write(report);
        return JsonDocument.Parse(writer.ToString()).RootElement;
    }

    [Fact]
    public void Shape_matches_the_documented_schema()
    {
        var text = new SourceText("deploy/app.yaml", "kind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\n");
        var diagnostic = TestDiagnostics.At(text, "orders", "m", Severity.Error, TestDiagnostics.Related(text, "HorizontalPodAutoscaler", "the HPA"))
            with { Properties = new Dictionary<string, string> { ["workload"] = "Deployment/orders" } };
        var root = Write(new AnalysisReport([diagnostic], 3, 5, "/repo"));

        Assert.Equal(["version", "tool", "diagnostics", "summary"], Names(root));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(["name", "version"], Names(root.GetProperty("tool")));
        Assert.Equal("ManifestPolicy", root.GetProperty("tool").GetProperty("name").GetString());

        var d = root.GetProperty("diagnostics")[0];
        Assert.Equal(
            ["ruleId", "ruleName", "severity", "message", "path", "startLine", "startColumn", "endLine", "endColumn", "helpUri", "fingerprint", "relatedLocations", "properties"],
            Names(d));
        Assert.Equal("MP1001", d.GetProperty("ruleId").GetString());
        Assert.Equal("scaledobject-hpa-conflict", d.GetProperty("ruleName").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("deploy/app.yaml", d.GetProperty("path").GetString());
        Assert.Equal((3, 9, 3, 15), (d.GetProperty("startLine").GetInt32(), d.GetProperty("startColumn").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()));
        Assert.EndsWith("/rules/MP1001.md", d.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", d.GetProperty("fingerprint").GetString());
        Assert.Equal("Deployment/orders", d.GetProperty("properties").GetProperty("workload").GetString());

        var related = d.GetProperty("relatedLocations")[0];
        Assert.Equal(["path", "startLine", "startColumn", "endLine", "endColumn", "message"], Names(related));
        Assert.Equal("the HPA", related.GetProperty("message").GetString());

        var summary = root.GetProperty("summary");
        Assert.Equal(["files", "objects", "errors", "warnings", "notes"], Names(summary));
        Assert.Equal((3, 5, 1, 0, 0), (summary.GetProperty("files").GetInt32(), summary.GetProperty("objects").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("notes").GetInt32()));
    }

    [Fact]
    public void Fingerprint_depends_on_the_key_not_the_position()
    {
        var before = TestDiagnostics.At(new SourceText("a.yaml", "name: orders\n"), "orders");
        var after = TestDiagnostics.At(new SourceText("a.yaml", "# new comment\n\nname: orders\n"), "orders");
        Assert.Equal(JsonReportWriter.Fingerprint(before), JsonReportWriter.Fingerprint(after));
    }

    [Fact]
    public void Suppressed_findings_are_left_out_unless_asked_for()
    {
        var text = new SourceText("a.yaml", "name: orders\n");
        var suppressed = TestDiagnostics.At(text, "orders") with { Suppression = new Suppression(SuppressionKind.External, "accepted risk") };
        Assert.Equal(0, Write(TestDiagnostics.Report(suppressed)).GetProperty("diagnostics").GetArrayLength());
        var kept = Write(TestDiagnostics.Report(suppressed), includeSuppressed: true).GetProperty("diagnostics")[0];
        Assert.Equal("accepted risk", kept.GetProperty("suppression").GetProperty("justification").GetString());
    }

    [Fact]
    public void Output_is_deterministic_and_readable()
    {
        var text = new SourceText("a.yaml", "name: <orders>\n");
        var report = TestDiagnostics.Report(TestDiagnostics.At(text, "<orders>", "'<orders>' is a placeholder"));
        var first = new StringWriter();
        new JsonReportWriter(first).Write(report);
        var second = new StringWriter();
        new JsonReportWriter(second).Write(report);
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Contains("'<orders>' is a placeholder", first.ToString(), StringComparison.Ordinal);
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
