using System.Text.Json;

namespace ManifestPolicy.MSBuild;

/// <summary>One finding of `manifestpolicy check --format json`.</summary>
public sealed record ReportedDiagnostic(
    string RuleId, string Severity, string Message, string Path,
    int StartLine, int StartColumn, int EndLine, int EndColumn, string? HelpUri);

/// <summary>Reads the CLI's JSON report (schema version 1).</summary>
public sealed class DiagnosticReport
{
    private DiagnosticReport(IReadOnlyList<ReportedDiagnostic> diagnostics) => Diagnostics = diagnostics;

    public IReadOnlyList<ReportedDiagnostic> Diagnostics { get; }

    public static DiagnosticReport Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    public static DiagnosticReport Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.GetInt32() != 1)
        {
            throw new InvalidDataException("expected a ManifestPolicy JSON report with \"version\": 1.");
        }
        var diagnostics = new List<ReportedDiagnostic>();
        if (root.TryGetProperty("diagnostics", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                diagnostics.Add(new ReportedDiagnostic(
                    RuleId: GetString(item, "ruleId") ?? "MP0000",
                    Severity: GetString(item, "severity") ?? "warning",
                    Message: GetString(item, "message") ?? "",
                    Path: GetString(item, "path") ?? "",
                    StartLine: GetInt(item, "startLine"),
                    StartColumn: GetInt(item, "startColumn"),
                    EndLine: GetInt(item, "endLine"),
                    EndColumn: GetInt(item, "endColumn"),
                    HelpUri: GetString(item, "helpUri")));
            }
        }
        return new DiagnosticReport(diagnostics);
    }

    private static string? GetString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int GetInt(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
