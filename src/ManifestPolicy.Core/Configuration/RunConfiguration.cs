using ManifestPolicy.Analyzers;
using ManifestPolicy.Baselines;

namespace ManifestPolicy.Configuration;

/// <summary>
/// Everything a `check` run is configured by, loaded once before the inputs are read: the configuration file,
/// severities (.editorconfig plus --severity) and the baseline. Any problem is a <see cref="ConfigurationException"/>.
/// </summary>
public sealed class RunConfiguration
{
    private RunConfiguration(ManifestPolicyConfiguration file, SeverityResolver severities, Baseline? baseline, string workingDirectory)
    {
        File = file;
        Severities = severities;
        Baseline = baseline;
        WorkingDirectory = workingDirectory;
    }

    public ManifestPolicyConfiguration File { get; }

    public SeverityResolver Severities { get; }

    public Baseline? Baseline { get; }

    public string WorkingDirectory { get; }

    public static RunConfiguration Load(string? configPath, IReadOnlyList<string> severityOptions, string? baselinePath, IReadOnlyList<string> inputs, string workingDirectory)
    {
        var file = ManifestPolicyConfiguration.Resolve(configPath, inputs, workingDirectory);
        var severities = new SeverityResolver(severityOptions.Select(SeveritySetting.FromCommandLine), workingDirectory);
        var baseline = baselinePath is null ? null : Baseline.Load(baselinePath, workingDirectory);
        return new RunConfiguration(file, severities, baseline, workingDirectory);
    }

    /// <summary>The configuration file's analyzer options, with --environment on top when given.</summary>
    public AnalyzerOptions AnalyzerOptions(string? environment) =>
        string.IsNullOrWhiteSpace(environment) ? File.AnalyzerOptions : File.AnalyzerOptions with { Environment = environment };

    public DiagnosticFilter CreateFilter() => new(Severities, Baseline, WorkingDirectory);

    /// <summary>True for paths the configuration file excludes (relative paths are taken from the working directory).</summary>
    public bool IsExcluded(string path) => File.IsExcluded(path, WorkingDirectory);
}
