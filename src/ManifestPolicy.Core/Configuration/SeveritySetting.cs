using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Configuration;

/// <summary>What a severity setting applies to, from the most to the least specific.</summary>
public enum SeverityScope
{
    Rule,
    Category,
    All,
}

/// <summary>
/// One severity setting: for a rule, a category or all rules; <see cref="Severity"/> null means "default", which
/// puts the rule back to its default severity.
/// </summary>
public sealed record SeveritySetting(SeverityScope Scope, string Target, Severity? Severity, string Origin)
{
    public const string EditorConfigPrefix = "manifestpolicy_diagnostic.";
    public const string EditorConfigSuffix = ".severity";

    public bool AppliesTo(DiagnosticDescriptor rule) => Scope switch
    {
        SeverityScope.Rule => rule.Id.Equals(Target, StringComparison.OrdinalIgnoreCase),
        SeverityScope.Category => rule.Category.Equals(Target, StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    /// <summary>True for keys in our namespace, which are validated; other keys belong to editors and other tools.</summary>
    public static bool IsOurKey(string key) =>
        key.StartsWith(EditorConfigPrefix, StringComparison.OrdinalIgnoreCase) || key.Equals("manifestpolicy_diagnostic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "manifestpolicy_diagnostic.MP1001.severity = warning" from an .editorconfig.</summary>
    public static SeveritySetting FromEditorConfig(string file, EditorConfigEntry entry, string origin)
    {
        var key = entry.Key;
        if (key.Equals(EditorConfigPrefix + "severity", StringComparison.OrdinalIgnoreCase))
        {
            return new SeveritySetting(SeverityScope.All, "*", ParseSeverity(entry.Value, file, entry.Line, key), origin);
        }

        if (!key.StartsWith(EditorConfigPrefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(EditorConfigSuffix, StringComparison.OrdinalIgnoreCase)
            || key.Length <= EditorConfigPrefix.Length + EditorConfigSuffix.Length)
        {
            throw new ConfigurationException(file, entry.Line, 1, key,
                "expected manifestpolicy_diagnostic.<rule ID or name>.severity, manifestpolicy_diagnostic.category-<category>.severity or manifestpolicy_diagnostic.severity");
        }

        var target = key[EditorConfigPrefix.Length..^EditorConfigSuffix.Length];
        var (scope, resolved) = ResolveTarget(target, file, entry.Line, key);
        return new SeveritySetting(scope, resolved, ParseSeverity(entry.Value, file, entry.Line, key), origin);
    }

    /// <summary>Reads "MP1001=warning", "unresolved-placeholder=none", "category-Kafka=note" or "all=warning" from --severity.</summary>
    public static SeveritySetting FromCommandLine(string text)
    {
        const string where = "--severity";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ConfigurationException(where, 0, 0, text, "expected RULE=SEVERITY, e.g. MP1001=warning, category-Kafka=note or all=error");
        }

        var target = text[..equals].Trim();
        var severity = ParseSeverity(text[(equals + 1)..], where, 0, text);
        var origin = $"command line (--severity {text})";
        if (target is "*" or "all")
        {
            return new SeveritySetting(SeverityScope.All, "*", severity, origin);
        }

        var (scope, resolved) = ResolveTarget(target, where, 0, text);
        return new SeveritySetting(scope, resolved, severity, origin);
    }

    private static (SeverityScope Scope, string Target) ResolveTarget(string target, string file, int line, string key)
    {
        if (target.StartsWith("category-", StringComparison.OrdinalIgnoreCase))
        {
            var name = target["category-".Length..];
            var category = RuleCatalog.Descriptors.Select(d => d.Category).FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            return category is not null
                ? (SeverityScope.Category, category)
                : throw new ConfigurationException(file, line, 1, key,
                    $"there is no rule category '{name}'; the categories are {string.Join(", ", RuleCatalog.Descriptors.Select(d => d.Category).Distinct().Order(StringComparer.Ordinal))}");
        }

        return RuleCatalog.Find(target) is { } rule
            ? (SeverityScope.Rule, rule.Id)
            : throw new ConfigurationException(file, line, 1, key, $"there is no rule '{target}'; `manifestpolicy rules` lists every rule ID and name");
    }

    private static Severity? ParseSeverity(string value, string file, int line, string key)
    {
        var text = value.Trim();
        if (text.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.Equals("hidden", StringComparison.OrdinalIgnoreCase))
        {
            return Diagnostics.Severity.None;
        }

        return SeverityNames.TryParse(text, out var severity)
            ? severity
            : throw new ConfigurationException(file, line, 1, key, $"'{text}' is not a severity; use error, warning, note, none or default");
    }
}
