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

    /// <summary>--config: the configuration file; null to search for manifestpolicy.yaml.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>--severity RULE=SEVERITY settings, applied over .editorconfig.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>--baseline: report only findings that are not in this file.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>--write-baseline: record the current findings in this file instead of reporting them.</summary>
    public string? WriteBaselineFile { get; init; }

    /// <summary>--include-suppressed: keep suppressed and baselined findings in SARIF and JSON, marked as such.</summary>
    public bool IncludeSuppressed { get; init; }

    /// <summary>--explain-config: print the effective configuration for this file and exit.</summary>
    public string? ExplainConfigPath { get; init; }
}
