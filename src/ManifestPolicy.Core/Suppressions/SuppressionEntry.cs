using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Suppressions;

/// <summary>
/// One suppression in a file (a comment or an object's annotation) with the rules it names and which of them it
/// actually hid, so that the unused ones can be reported as MP0002.
/// </summary>
internal sealed class SuppressionEntry(IReadOnlyList<string> ruleIds, IReadOnlyList<string> unknownRules, string? reason, SourceText text, TextSpan span, string scope, string fingerprintText)
{
    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);

    public IReadOnlyList<string> RuleIds { get; } = ruleIds;

    public IReadOnlyList<string> UnknownRules { get; } = unknownRules;

    public string? Reason { get; } = reason;

    public SourceText Text { get; } = text;

    /// <summary>Where an MP0002 about this suppression points: the comment, or the annotation's value.</summary>
    public TextSpan Span { get; } = span;

    /// <summary>"for line 12", "from line 4", "in this file", "on ConfigMap/app".</summary>
    public string Scope { get; } = scope;

    public string FingerprintText { get; } = fingerprintText;

    public bool AllRules => RuleIds.Count == 0 && UnknownRules.Count == 0;

    public bool WasUsed => usedIds.Count > 0;

    public Suppression Suppression => new(SuppressionKind.InSource, Reason);

    public bool Covers(string ruleId) => AllRules || RuleIds.Contains(ruleId, StringComparer.Ordinal);

    public void MarkUsed(string ruleId) => usedIds.Add(ruleId);

    public IEnumerable<string> UnusedRuleIds => RuleIds.Where(id => !usedIds.Contains(id));
}
