using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Output;

/// <summary>Settings of the SARIF output.</summary>
public sealed record SarifWriterOptions
{
    /// <summary>GitHub's automationDetails.id: distinguishes uploads of several runs of the tool in one repository.</summary>
    public string Category { get; init; } = "manifestpolicy/";

    /// <summary>
    /// Keeps suppressed findings, each with its suppressions entry. GitHub does not honour suppressions (it would open
    /// an alert for each), so by default they are left out.
    /// </summary>
    public bool IncludeSuppressed { get; init; }

    /// <summary>GitHub rejects runs with more results; the rest are dropped with a notification.</summary>
    public int MaxResults { get; init; } = 25_000;

    /// <summary>GitHub's limit of locations per result, applied to relatedLocations.</summary>
    public int MaxRelatedLocations { get; init; } = 1_000;

    /// <summary>Called inside each result object; may write a "fixes" property for the finding.</summary>
    public Action<Utf8JsonWriter, Diagnostic>? WriteFixes { get; init; }

    /// <summary>The rules listed in tool.driver.rules; results point into this list with ruleIndex.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Rules { get; init; } = RuleCatalog.Descriptors;
}

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning ingests it: one run, relative URIs against SRCROOT, UTF-16 columns, our own
/// stable fingerprint. The output depends only on the findings, so that the same input gives the same bytes.
/// </summary>
public sealed class SarifLogWriter(TextWriter writer, SarifWriterOptions? options = null)
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintName = "manifestPolicy/v1";
    public const string SourceRootId = "SRCROOT";

    private readonly SarifWriterOptions options = options ?? new SarifWriterOptions();

    public void Write(AnalysisReport report)
    {
        var rules = options.Rules;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var selected = report.Diagnostics.Where(d => d.Suppression is null || options.IncludeSuppressed).ToList();

        // A result needs a file location for GitHub; engine findings without one (MP0000) become notifications.
        var results = selected.Where(d => Locations.HasFile(d.Location)).ToList();
        var notifications = selected.Where(d => !Locations.HasFile(d.Location))
            .Select(d => new Notification(Level(d.Severity), d.Message, d.Id))
            .ToList();
        if (results.Count > options.MaxResults)
        {
            notifications.Add(new Notification("warning", $"{results.Count} results were found; only the first {options.MaxResults} are included, the limit GitHub code scanning accepts per run.", null));
            results = results.GetRange(0, options.MaxResults);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            if (notifications.Count > 0)
            {
                WriteNotifications(json, notifications, ruleIndex);
            }

            json.WriteStartObject("automationDetails");
            json.WriteString("id", options.Category);
            json.WriteEndObject();
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", DirectoryUri(report.BaseDirectory));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var diagnostic in results)
            {
                WriteResult(json, diagnostic, ruleIndex);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    /// <summary>A folder as an absolute file URI ending in '/', as originalUriBaseIds requires.</summary>
    public static string DirectoryUri(string directory)
    {
        var full = Path.GetFullPath(directory).Replace('\\', '/');
        if (!full.EndsWith('/'))
        {
            full += "/";
        }

        if (!full.StartsWith('/'))
        {
            full = "/" + full;
        }

        return "file://" + EscapePath(full);
    }

    /// <summary>A report path as a URI: relative paths stay relative (to SRCROOT), absolute ones become file URIs.</summary>
    public static (string Uri, bool Relative) PathToUri(string path)
    {
        if (path == Inputs.InputLoader.StandardInputPath)
        {
            return ("stdin", true);
        }

        var normalized = path.Replace('\\', '/');
        if (Path.IsPathRooted(path))
        {
            return ("file://" + EscapePath(normalized.StartsWith('/') ? normalized : "/" + normalized), false);
        }

        return (EscapePath(normalized), true);
    }

    private static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Contains(':') && segment.Length == 2 ? segment : Uri.EscapeDataString(segment)));

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        WriteMessage(json, "shortDescription", rule.Title);
        WriteMessage(json, "fullDescription", Truncate(rule.Description, 1024));
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Description} See {rule.HelpUri}");
        json.WriteString("markdown", $"{rule.Description}\n\nSee [{rule.Id}: {rule.Name}]({rule.HelpUri}).");
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags.Prepend(rule.Category.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(20))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("precision", rule.Precision);
        json.WriteString("problem.severity", ProblemSeverity(rule.DefaultSeverity));
        if (rule.Tags.Contains("security", StringComparer.Ordinal))
        {
            // GitHub ranks security alerts by this score: error -> high, warning -> medium, note -> low.
            json.WriteString("security-severity", SecuritySeverity(rule.DefaultSeverity));
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex.TryGetValue(diagnostic.Id, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(diagnostic.Severity));
        WriteMessage(json, "message", diagnostic.Message);
        json.WriteStartArray("locations");
        if (Locations.HasFile(diagnostic.Location))
        {
            json.WriteStartObject();
            WritePhysicalLocation(json, diagnostic.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (diagnostic.RelatedLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            var id = 0;
            foreach (var related in diagnostic.RelatedLocations.Take(options.MaxRelatedLocations))
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, related.Location);
                WriteMessage(json, "message", related.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintName, JsonReportWriter.Fingerprint(diagnostic));
        json.WriteEndObject();
        if (diagnostic.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var (key, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        if (options.IncludeSuppressed)
        {
            // SARIF requires suppressions on every result of a run or on none.
            json.WriteStartArray("suppressions");
            if (diagnostic.Suppression is { } suppression)
            {
                json.WriteStartObject();
                json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                json.WriteString("status", "accepted");
                if (suppression.Justification is { } justification)
                {
                    json.WriteString("justification", justification);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        options.WriteFixes?.Invoke(json, diagnostic);
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, Location location)
    {
        var (uri, relative) = PathToUri(location.Path);
        var span = location.Position;
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", SourceRootId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Start.Line);
        json.WriteNumber("startColumn", span.Start.Column);
        json.WriteNumber("endLine", span.End.Line);
        json.WriteNumber("endColumn", span.End.Column);
        if (location.Span.Length > 0 && !location.IsSensitive)
        {
            json.WriteStartObject("snippet");
            json.WriteString("text", location.Text.GetText(location.Span));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNotifications(Utf8JsonWriter json, List<Notification> notifications, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var notification in notifications)
        {
            json.WriteStartObject();
            json.WriteString("level", notification.Level);
            WriteMessage(json, "message", notification.Message);
            if (notification.RuleId is { } id)
            {
                json.WriteStartObject("associatedRule");
                json.WriteString("id", id);
                if (ruleIndex.TryGetValue(id, out var index))
                {
                    json.WriteNumber("index", index);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteMessage(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    private static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "7.5",
        Severity.Warning => "5.0",
        _ => "2.0",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";

    private sealed record Notification(string Level, string Message, string? RuleId);
}
