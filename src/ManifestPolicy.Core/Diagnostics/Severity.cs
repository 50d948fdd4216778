namespace ManifestPolicy.Diagnostics;

/// <summary>Ordered so that a higher value is more severe; None switches a rule off.</summary>
public enum Severity
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = text?.Trim().ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" or "warn" => Severity.Warning,
            "note" or "suggestion" or "info" => Severity.Note,
            "none" or "silent" => Severity.None,
            _ => (Severity)(-1),
        };
        return (int)severity >= 0;
    }
}
