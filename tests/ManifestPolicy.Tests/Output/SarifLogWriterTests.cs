using System.Text.Json;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Rules;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Output;

public sealed class SarifLogWriterTests
{
    private static JsonElement Write(AnalysisReport report, SarifWriterOptions? options = null)
    {
        var writer = new StringWriter();
        new SarifLogWriter(writer, options).Write(report);
        return JsonDocument.Parse(writer.ToString()).RootElement;
    }

    private static JsonElement Run(JsonElement log) => log.GetProperty("runs")[0];

    [Fact]
    public void Run_describes_the_tool_and_every_rule()
    {
        var log = Write(TestDiagnostics.Report());
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var run = Run(log);
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ManifestPolicy", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("semanticVersion").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("markdown").GetString()));
            Assert.Contains(rule.GetProperty("properties").GetProperty("problem.severity").GetString(), new[] { "error", "warning", "recommendation" });
        }

        var security = rules.Where(r => r.GetProperty("properties").GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "security")).ToList();
        Assert.All(security, r => Assert.True(double.TryParse(r.GetProperty("properties").GetProperty("security-severity").GetString(), System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10));
        Assert.All(rules.Except(security), r => Assert.False(r.GetProperty("properties").TryGetProperty("security-severity", out _)));

        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.Equal("manifestpolicy/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("file:///repo/", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
    }

    [Fact]
    public void Result_points_into_the_rules_with_region_snippet_related_locations_and_fingerprint()
    {
        var text = new SourceText("deploy/my app.yaml", "kind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\n");
        var diagnostic = TestDiagnostics.At(text, "orders", "m", Severity.Warning, TestDiagnostics.Related(text, "HorizontalPodAutoscaler", "the HPA"));
        var run = Run(Write(TestDiagnostics.Report(diagnostic), new SarifWriterOptions { Category = "k8s/prod" }));
        var result = run.GetProperty("results")[0];
        var index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("MP1001", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("deploy/my%20app.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal((3, 9, 3, 15), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("orders", region.GetProperty("snippet").GetProperty("text").GetString());
        var related = result.GetProperty("relatedLocations")[0];
        Assert.Equal(0, related.GetProperty("id").GetInt32());
        Assert.Equal("the HPA", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(JsonReportWriter.Fingerprint(diagnostic), result.GetProperty("partialFingerprints").GetProperty(SarifLogWriter.FingerprintName).GetString());
        Assert.False(result.GetProperty("partialFingerprints").TryGetProperty("primaryLocationLineHash", out _));
        Assert.Equal("k8s/prod", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.False(result.TryGetProperty("suppressions", out _));
    }

    [Theory]
    [InlineData(InputLoader.StandardInputPath, "stdin", true)]
    [InlineData("/outside/a.yaml", "file:///outside/a.yaml", false)]
    [InlineData("a/b#c.yaml", "a/b%23c.yaml", true)]
    public void Paths_become_uris(string path, string uri, bool relative) =>
        Assert.Equal((uri, relative), SarifLogWriter.PathToUri(path));

    [Fact]
    public void Results_over_the_limit_are_dropped_with_a_notification()
    {
        var text = new SourceText("a.yaml", "name: orders\n");
        var diagnostics = Enumerable.Range(0, 5).Select(i => TestDiagnostics.At(text, "orders", $"m{i}")).ToArray();
        var run = Run(Write(TestDiagnostics.Report(diagnostics), new SarifWriterOptions { MaxResults = 3 }));
        Assert.Equal(3, run.GetProperty("results").GetArrayLength());
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Contains("5 results", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_results_are_dropped_by_default_and_kept_with_suppressions_on_every_result_when_asked()
    {
        var text = new SourceText("a.yaml", "a: one\nb: two\n");
        var open = TestDiagnostics.At(text, "one");
        var hidden = TestDiagnostics.At(text, "two") with { Suppression = new Suppression(SuppressionKind.InSource, "ok") };
        Assert.Equal(1, Run(Write(TestDiagnostics.Report(open, hidden))).GetProperty("results").GetArrayLength());

        var results = Run(Write(TestDiagnostics.Report(open, hidden), new SarifWriterOptions { IncludeSuppressed = true })).GetProperty("results");
        Assert.Equal(0, results[0].GetProperty("suppressions").GetArrayLength());
        Assert.Equal("inSource", results[1].GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Equal("ok", results[1].GetProperty("suppressions")[0].GetProperty("justification").GetString());
    }

    [Fact]
    public void Engine_findings_without_a_file_become_tool_notifications()
    {
        var failure = AnalyzerFailure.Create(new MP0001InvalidYaml(), new InvalidOperationException("boom"));
        var run = Run(Write(TestDiagnostics.Report(failure)));
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("MP0000", notification.GetProperty("associatedRule").GetProperty("id").GetString());
        Assert.Contains("boom", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fixes_callback_writes_into_each_result()
    {
        var text = new SourceText("a.yaml", "name: orders\n");
        var options = new SarifWriterOptions
        {
            WriteFixes = (json, d) =>
            {
                json.WriteStartArray("fixes");
                json.WriteStartObject();
                json.WriteStartObject("description");
                json.WriteString("text", "fix " + d.Id);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            },
        };
        var result = Run(Write(TestDiagnostics.Report(TestDiagnostics.At(text, "orders")), options)).GetProperty("results")[0];
        Assert.Equal("fix MP1001", result.GetProperty("fixes")[0].GetProperty("description").GetProperty("text").GetString());
    }

    [Fact]
    public void Same_findings_give_the_same_bytes()
    {
        var text = new SourceText("a.yaml", "name: orders\n");
        var report = TestDiagnostics.Report(TestDiagnostics.At(text, "orders"));
        var first = new StringWriter();
        new SarifLogWriter(first).Write(report);
        var second = new StringWriter();
        new SarifLogWriter(second).Write(report);
        Assert.Equal(first.ToString(), second.ToString());
    }
}
