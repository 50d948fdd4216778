using System.Text;
using ManifestPolicy.MSBuild;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>The MSBuild task reads the CLI's JSON report (schema version 1).</summary>
public sealed class DiagnosticReportTests
{
    [Fact]
    public void Reads_every_field_the_build_log_needs()
    {
        const string json = """
            {"version":1,"tool":{"name":"ManifestPolicy","version":"0.1.0"},
             "diagnostics":[{"ruleId":"MP1001","ruleName":"scaledobject-hpa-conflict","severity":"error","message":"both scale it",
               "path":"infrastructure/so.yaml","startLine":8,"startColumn":3,"endLine":8,"endColumn":17,
               "helpUri":"https://example.invalid/MP1001.md","fingerprint":"f","relatedLocations":[],"properties":{}}],
             "summary":{"files":1,"objects":1,"errors":1,"warnings":0,"notes":0}}
            """;

        var diagnostic = Assert.Single(DiagnosticReport.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))).Diagnostics);

        Assert.Equal(new ReportedDiagnostic("MP1001", "error", "both scale it", "infrastructure/so.yaml", 8, 3, 8, 17, "https://example.invalid/MP1001.md"), diagnostic);
    }

    [Theory]
    [InlineData("""{"version":2,"diagnostics":[]}""")]
    [InlineData("""[]""")]
    public void Rejects_a_report_of_another_schema(string json) =>
        Assert.Throws<InvalidDataException>(() => DiagnosticReport.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
}
