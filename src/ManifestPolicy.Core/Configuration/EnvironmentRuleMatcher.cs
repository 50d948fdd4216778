using ManifestPolicy.Analyzers;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Configuration;

/// <summary>
/// Decides whether an object falls under an environment rule of manifestpolicy.yaml: its file matches one of the
/// rule's paths, or its namespace is one of the rule's namespaces, or it carries every one of the rule's labels.
/// </summary>
public static class EnvironmentRuleMatcher
{
    /// <summary>The first rule, in configuration order, that claims the object; null when none does.</summary>
    public static EnvironmentRule? FindEnvironment(AnalyzerOptions options, ManifestObject obj) =>
        options.EnvironmentRules.FirstOrDefault(rule => Matches(rule, obj, options.ConfigurationDirectory));

    public static bool Matches(EnvironmentRule rule, ManifestObject obj, string? configurationDirectory)
    {
        var baseDirectory = configurationDirectory ?? Environment.CurrentDirectory;
        if (rule.PathGlobs.Any(glob => new PathGlob(glob, baseDirectory).IsMatch(obj.Path)))
        {
            return true;
        }

        if (obj.Namespace.Length > 0 && rule.Namespaces.Contains(obj.Namespace, StringComparer.Ordinal))
        {
            return true;
        }

        return rule.Labels.Count > 0 && rule.Labels.All(label => obj.GetLabel(label.Key) == label.Value);
    }
}
