using ManifestPolicy.Configuration;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Analyzers;

/// <summary>An object's environment and the evidence for it, quoted in messages so users can see why.</summary>
public sealed record EnvironmentEvidence(string Environment, string Evidence)
{
    public bool IsProduction => EnvironmentClassifier.IsProductionName(Environment);
}

/// <summary>
/// Decides which environment an object is deployed to. In order: --environment; configuration rules (path globs,
/// namespaces, labels); then evidence on the object itself: its namespace, an environment label, a path segment.
/// </summary>
public static class EnvironmentClassifier
{
    private static readonly string[] EnvironmentLabels = ["environment", "env", "app.kubernetes.io/environment"];

    public static bool IsProductionName(string name) =>
        name.Equals("prod", StringComparison.OrdinalIgnoreCase) || name.Equals("production", StringComparison.OrdinalIgnoreCase);

    public static EnvironmentEvidence? Classify(ManifestObject obj, AnalyzerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Environment))
        {
            return new(options.Environment, $"--environment {options.Environment}");
        }

        foreach (var rule in options.EnvironmentRules)
        {
            if (Match(rule, obj, options.ConfigurationDirectory) is { } matched)
            {
                return new(rule.Environment, $"{matched} (environment '{rule.Environment}' in {rule.Origin})");
            }
        }

        if (obj.HasExplicitNamespace && IsProductionNamespace(obj.Namespace))
        {
            return new("production", $"namespace '{obj.Namespace}'");
        }

        foreach (var label in EnvironmentLabels)
        {
            if (obj.GetLabel(label) is { } value && IsProductionName(value))
            {
                return new("production", $"label {label}={value}");
            }
        }

        var segments = obj.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipLast(1))
        {
            if (IsProductionName(segment))
            {
                return new("production", $"path segment '{segment}/'");
            }
        }

        return null;
    }

    /// <summary>prod, production, and names such as payments-prod or prod-eu.</summary>
    public static bool IsProductionNamespace(string ns)
    {
        if (IsProductionName(ns))
        {
            return true;
        }

        foreach (var word in new[] { "prod", "production" })
        {
            if (ns.EndsWith("-" + word, StringComparison.OrdinalIgnoreCase) || ns.StartsWith(word + "-", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Match(EnvironmentRule rule, ManifestObject obj, string? configurationDirectory)
    {
        // Globs are relative to manifestpolicy.yaml, in the same dialect as its exclude list and .editorconfig.
        var baseDirectory = configurationDirectory ?? Environment.CurrentDirectory;
        foreach (var glob in rule.PathGlobs)
        {
            if (new RelativePathGlob(glob, baseDirectory).IsMatch(obj.Path))
            {
                return $"path matches '{glob}'";
            }
        }

        if (rule.Namespaces.Any(ns => EditorConfigGlob.Compile(ns).IsMatch(obj.Namespace)))
        {
            return $"namespace '{obj.Namespace}'";
        }

        foreach (var (key, value) in rule.Labels)
        {
            if (obj.GetLabel(key) == value)
            {
                return $"label {key}={value}";
            }
        }

        return null;
    }
}
