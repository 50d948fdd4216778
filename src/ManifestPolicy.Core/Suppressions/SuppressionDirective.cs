using System.Text.RegularExpressions;
using ManifestPolicy.Rules;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Suppressions;

public enum DirectiveKind
{
    /// <summary>"# manifestpolicy-disable-next-line": the next line with content.</summary>
    DisableNextLine,

    /// <summary>"# manifestpolicy-disable": from this line until a matching enable or the end of the file.</summary>
    Disable,

    /// <summary>"# manifestpolicy-enable": ends a disable.</summary>
    Enable,

    /// <summary>"# manifestpolicy-disable-file": the whole file.</summary>
    DisableFile,

    /// <summary>A "manifestpolicy-" comment that is none of the above, e.g. a misspelt verb.</summary>
    Unrecognized,
}

/// <summary>
/// A suppression comment: the verb, the rules it names (no rule = every rule) and the reason after "--".
/// <see cref="RuleIds"/> holds catalogue IDs; what names no rule stays in <see cref="UnknownRules"/>.
/// </summary>
public sealed partial record SuppressionDirective(DirectiveKind Kind, IReadOnlyList<string> RuleIds, IReadOnlyList<string> UnknownRules, string? Reason, TextSpan Span, int Line, string Text)
{
    public const string Prefix = "manifestpolicy-";

    public bool AllRules => RuleIds.Count == 0 && UnknownRules.Count == 0;

    /// <summary>Reads a comment's text (after the "#"); null when it is an ordinary comment.</summary>
    public static SuppressionDirective? Parse(string comment, TextSpan span, int line)
    {
        var trimmed = comment.Trim();
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var match = DirectiveSyntax().Match(trimmed);
        if (!match.Success)
        {
            return new SuppressionDirective(DirectiveKind.Unrecognized, [], [], null, span, line, trimmed);
        }

        var kind = match.Groups["verb"].Value switch
        {
            "disable-next-line" => DirectiveKind.DisableNextLine,
            "disable-file" => DirectiveKind.DisableFile,
            "disable" => DirectiveKind.Disable,
            _ => DirectiveKind.Enable,
        };
        var (ids, unknown) = ParseRules(match.Groups["rules"].Value);
        var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
        return new SuppressionDirective(kind, ids, unknown, string.IsNullOrEmpty(reason) ? null : reason, span, line, trimmed);
    }

    /// <summary>Splits "MP1001, unresolved-placeholder" into catalogue IDs and the entries that name no rule.</summary>
    public static (IReadOnlyList<string> Ids, IReadOnlyList<string> Unknown) ParseRules(string list)
    {
        var ids = new List<string>();
        var unknown = new List<string>();
        foreach (var token in list.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (RuleCatalog.Find(token) is { } rule)
            {
                if (!ids.Contains(rule.Id))
                {
                    ids.Add(rule.Id);
                }
            }
            else if (!unknown.Contains(token))
            {
                unknown.Add(token);
            }
        }

        return (ids, unknown);
    }

    [GeneratedRegex(@"^manifestpolicy-(?<verb>disable-next-line|disable-file|disable|enable)(?=\s|$)(?<rules>(?:(?!--).)*)(?:--(?<reason>.*))?$", RegexOptions.Singleline)]
    private static partial Regex DirectiveSyntax();
}
