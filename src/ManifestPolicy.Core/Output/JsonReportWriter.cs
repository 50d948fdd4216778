using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Output;

/// <summary>
/// The stable JSON report (docs/json-format.md). Other tools parse it; names and meanings of existing fields never
/// change within a version, new fields may be added.
/// </summary>
public sealed class JsonReportWriter(TextWriter writer, bool includeSuppressed = false)
{
    public const int SchemaVersion = 1;

    public void Write(AnalysisReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                if (diagnostic.Suppression is null || includeSuppressed)
                {
                    WriteDiagnostic(json, diagnostic);
                }
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("objects", report.ObjectCount);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("notes", report.Count(Severity.Note));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    /// <summary>The stable identity of a finding: SHA-256 (hex) of its fingerprint key, shared with SARIF.</summary>
    public static string Fingerprint(Diagnostic diagnostic) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diagnostic.FingerprintKey)));

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteString("ruleName", diagnostic.Descriptor.Name);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        WriteLocation(json, diagnostic.Location);
        json.WriteString("helpUri", diagnostic.Descriptor.HelpUri);
        json.WriteString("fingerprint", Fingerprint(diagnostic));
        json.WriteStartArray("relatedLocations");
        foreach (var related in diagnostic.RelatedLocations)
        {
            json.WriteStartObject();
            WriteLocation(json, related.Location);
            json.WriteString("message", related.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("properties");
        foreach (var (key, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
            json.WriteString("justification", suppression.Justification);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        if (!Locations.HasFile(location))
        {
            // Engine findings (MP0000) belong to no file: null path, zero positions, so every field keeps its type.
            json.WriteNull("path");
            json.WriteNumber("startLine", 0);
            json.WriteNumber("startColumn", 0);
            json.WriteNumber("endLine", 0);
            json.WriteNumber("endColumn", 0);
            return;
        }

        var span = location.Position;
        json.WriteString("path", location.Path);
        json.WriteNumber("startLine", span.Start.Line);
        json.WriteNumber("startColumn", span.Start.Column);
        json.WriteNumber("endLine", span.End.Line);
        json.WriteNumber("endColumn", span.End.Column);
    }
}
