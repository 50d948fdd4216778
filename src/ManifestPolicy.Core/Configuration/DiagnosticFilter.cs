using ManifestPolicy.Baselines;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Suppressions;

namespace ManifestPolicy.Configuration;

/// <summary>
/// The step between the analyzers and the outputs: in-source suppressions, per-file severities (none drops the
/// finding), unused suppressions (MP0002) and the baseline. Suppressed findings stay in the result, marked, because
/// SARIF can carry them; the text outputs and the counts leave them out.
/// </summary>
public sealed class DiagnosticFilter
{
    private readonly SeverityResolver severities;
    private readonly Baseline? baseline;
    private readonly string workingDirectory;

    public DiagnosticFilter(SeverityResolver? severities = null, Baseline? baseline = null, string? workingDirectory = null)
    {
        this.severities = severities ?? SeverityResolver.Defaults;
        this.baseline = baseline;
        this.workingDirectory = workingDirectory ?? Environment.CurrentDirectory;
    }

    public IReadOnlyList<Diagnostic> Apply(ManifestCompilation compilation, IReadOnlyList<Diagnostic> diagnostics)
    {
        var suppressions = SuppressionIndex.Build(compilation);
        var result = new List<Diagnostic>(diagnostics.Count);

        // Suppressions are matched before severities are applied, so that switching a rule off for some files does
        // not turn its suppressions there into "unused" noise.
        foreach (var diagnostic in diagnostics)
        {
            var suppression = suppressions.Match(diagnostic);
            AddWithSeverity(result, diagnostic, suppression);
        }

        foreach (var unused in suppressions.Unused(aboutUnusedSuppressions: false))
        {
            AddWithSeverity(result, unused, suppressions.Match(unused));
        }

        foreach (var unused in suppressions.Unused(aboutUnusedSuppressions: true))
        {
            AddWithSeverity(result, unused, suppression: null);
        }

        if (baseline is not null)
        {
            for (var i = 0; i < result.Count; i++)
            {
                if (result[i].Suppression is null && baseline.TryConsume(result[i], workingDirectory))
                {
                    result[i] = result[i] with { Suppression = BaselineSuppression };
                }
            }
        }

        result.Sort(Diagnostic.Compare);
        return result;
    }

    /// <summary>How a finding hidden by the baseline is marked (SARIF: kind external).</summary>
    public static Suppression BaselineSuppression { get; } = new(SuppressionKind.External, "baseline");

    private void AddWithSeverity(List<Diagnostic> result, Diagnostic diagnostic, Suppression? suppression)
    {
        var severity = severities.Resolve(diagnostic.Location.Path, diagnostic.Descriptor).For(diagnostic);
        if (severity == Severity.None)
        {
            return;
        }

        result.Add(diagnostic with { Severity = severity, Suppression = suppression ?? diagnostic.Suppression });
    }
}
