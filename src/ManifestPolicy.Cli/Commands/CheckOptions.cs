using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Cli.Commands;

public enum OutputFormat
{
    Text,
    Sarif,
    Json,
    GitHub,
}

/// <summary>Everything `check` was asked to do, independent of how the command line spelled it.</summary>
public sealed record CheckOptions
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Where the report goes; null for standard output.</summary>
    public string? OutputFile { get; init; }

    public string? Environment { get; init; }

    /// <summary>The lowest severity that makes the exit code 1.</summary>
    public Severity FailLevel { get; init; } = Severity.Error;

    public string Namespace { get; init; } = "default";

    public string? ContextDirectory { get; init; }

    public bool NoColor { get; init; }

    public string SarifCategory { get; init; } = "manifestpolicy/";
}
