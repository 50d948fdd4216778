using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Baselines;

/// <summary>One accepted finding: its fingerprint, and the rule, path and message so that people can read the file.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, string Message);

/// <summary>
/// Findings accepted as they are (`check --write-baseline`), so that `check --baseline` reports only new ones. The
/// file is JSON, sorted, without dates, so it diffs cleanly in review.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private readonly Dictionary<string, int> remaining;

    public Baseline(string directory, IReadOnlyList<BaselineEntry> entries)
    {
        Directory = directory;
        Entries = [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal)];
        remaining = Entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Paths in fingerprints are relative to this folder: the baseline file's.</summary>
    public string Directory { get; }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static Baseline Create(string baselinePath, IEnumerable<Diagnostic> diagnostics, string workingDirectory)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(baselinePath, workingDirectory))!;
        var entries = diagnostics.Select(d => new BaselineEntry(
            Fingerprint.Compute(d, directory, workingDirectory),
            d.Id,
            Fingerprint.StablePath(d.Location.Path, directory, workingDirectory),
            d.Message));
        return new Baseline(directory, [.. entries]);
    }

    /// <summary>
    /// Consumes one accepted occurrence of the finding's fingerprint: a baseline that accepted one finding does not
    /// hide a second, identical one added later.
    /// </summary>
    public bool TryConsume(Diagnostic diagnostic, string workingDirectory)
    {
        var fingerprint = Fingerprint.Compute(diagnostic, Directory, workingDirectory);
        if (remaining.TryGetValue(fingerprint, out var count) && count > 0)
        {
            remaining[fingerprint] = count - 1;
            return true;
        }

        return false;
    }

    public void Write(Stream stream)
    {
        // Relaxed escaping keeps "<PLACEHOLDER>" readable; the file is data, never embedded in HTML.
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("tool", "manifestpolicy");
        writer.WriteNumber("fingerprintVersion", Fingerprint.Version);
        writer.WriteStartArray("results");
        foreach (var entry in Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", entry.RuleId);
            writer.WriteString("path", entry.Path);
            writer.WriteString("message", entry.Message);
            writer.WriteString("fingerprint", entry.Fingerprint);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    public void Save(string path)
    {
        // Write to a temporary file first so that an interrupted run never leaves half a baseline behind.
        var full = System.IO.Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Write(stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a baseline; a missing, malformed or foreign file is a configuration error (exit 2).</summary>
    public static Baseline Load(string path, string workingDirectory)
    {
        var full = System.IO.Path.GetFullPath(path, workingDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, 0, 0, string.Empty, $"the baseline cannot be read: {ex.Message}");
        }

        return Parse(path, bytes, System.IO.Path.GetDirectoryName(full)!);
    }

    public static Baseline Parse(string displayPath, ReadOnlySpan<byte> json, string directory)
    {
        var entries = new List<BaselineEntry>();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw Invalid(displayPath, "version", "this is not a manifestpolicy baseline (no \"version\"); write one with `check --write-baseline`");
            }

            if (version.GetInt32() != FormatVersion)
            {
                throw Invalid(displayPath, "version", $"baseline format {version.GetInt32()} is not supported; this version reads format {FormatVersion}");
            }

            if (root.TryGetProperty("fingerprintVersion", out var fpVersion) && fpVersion.ValueKind == JsonValueKind.Number && fpVersion.GetInt32() != Fingerprint.Version)
            {
                throw Invalid(displayPath, "fingerprintVersion", $"the fingerprints were made by recipe {fpVersion.GetInt32()}, this version uses {Fingerprint.Version}; write the baseline again with `check --write-baseline`");
            }

            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(displayPath, "results", "expected a \"results\" list");
            }

            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                entries.Add(new BaselineEntry(
                    Required(result, "fingerprint", displayPath, index),
                    Required(result, "ruleId", displayPath, index),
                    Optional(result, "path"),
                    Optional(result, "message")));
                index++;
            }
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException(displayPath, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1, string.Empty, $"the baseline is not valid JSON: {ex.Message}");
        }

        return new Baseline(directory, entries);
    }

    private static string Required(JsonElement result, string name, string path, int index) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(path, $"results[{index}].{name}", "expected a non-empty string");

    private static string Optional(JsonElement result, string name) =>
        result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static ConfigurationException Invalid(string path, string key, string reason) => new(path, 0, 0, key, reason);
}
