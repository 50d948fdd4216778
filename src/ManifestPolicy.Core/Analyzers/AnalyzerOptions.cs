namespace ManifestPolicy.Analyzers;

/// <summary>Settings rules read; the CLI and the configuration file fill them in.</summary>
public sealed record AnalyzerOptions
{
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>The environment named with --environment; when set it decides for every object.</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// The directory of manifestpolicy.yaml: path globs of <see cref="EnvironmentRules"/> are relative to it. Null
    /// when there is no configuration file; the globs are then matched against paths as given.
    /// </summary>
    public string? ConfigurationDirectory { get; init; }

    /// <summary>Environment rules from the configuration file, tried in order before evidence on the object.</summary>
    public IReadOnlyList<EnvironmentRule> EnvironmentRules { get; init; } = [];

    /// <summary>Ports on which non-MSK brokers speak TLS, from configuration; empty means unknown.</summary>
    public IReadOnlySet<int> KafkaTlsPorts { get; init; } = new HashSet<int>();

    /// <summary>Ports on which non-MSK brokers speak plaintext, from configuration.</summary>
    public IReadOnlySet<int> KafkaPlaintextPorts { get; init; } = new HashSet<int>();

    /// <summary>Extra placeholder patterns (regular expressions) to report.</summary>
    public IReadOnlyList<string> ExtraPlaceholderPatterns { get; init; } = [];

    /// <summary>Patterns (regular expressions) of values that are never placeholders.</summary>
    public IReadOnlyList<string> IgnoredPlaceholderPatterns { get; init; } = [];
}

/// <summary>Marks objects as belonging to an environment by path glob, namespace or label.</summary>
public sealed record EnvironmentRule(string Environment, IReadOnlyList<string> PathGlobs, IReadOnlyList<string> Namespaces, IReadOnlyDictionary<string, string> Labels, string Origin);
