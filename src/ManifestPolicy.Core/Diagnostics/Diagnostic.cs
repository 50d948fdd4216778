using ManifestPolicy.Syntax;

namespace ManifestPolicy.Diagnostics;

/// <summary>A place in an input file.</summary>
public sealed record Location(SourceText Text, TextSpan Span)
{
    public string Path => Text.Path;

    public LinePositionSpan Position => Text.GetPositionSpan(Span);

    /// <summary>The text here must not be shown (a Secret's value): outputs give the position, never the source line.</summary>
    public bool IsSensitive { get; init; }

    public static Location Of(SourceText text, YamlNode node) => new(text, node.Span);
}

/// <summary>A related place with a short note on why it matters, as SARIF relatedLocations.</summary>
public sealed record RelatedLocation(Location Location, string Message);

/// <summary>
/// One finding. <paramref name="FingerprintKey"/> identifies it without line numbers (rule, file, object, field), so
/// that baselines and SARIF fingerprints survive edits elsewhere in the file.
/// </summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    Severity Severity,
    Location Location,
    string Message,
    string FingerprintKey,
    IReadOnlyList<RelatedLocation> RelatedLocations)
{
    public string Id => Descriptor.Id;

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Set when a suppression or baseline hides the finding; the justification travels with it.</summary>
    public Suppression? Suppression { get; init; }

    public static int Compare(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = a.Location.Span.Start.CompareTo(b.Location.Span.Start);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}

public enum SuppressionKind
{
    InSource,
    External,
}

public sealed record Suppression(SuppressionKind Kind, string? Justification);
