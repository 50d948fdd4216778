using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Suppressions;

/// <summary>The suppressions of one file: its comments and the suppress annotations of its objects.</summary>
internal sealed class FileSuppressions
{
    public const string SuppressAnnotation = "manifestpolicy.io/suppress";
    public const string ReasonAnnotation = "manifestpolicy.io/suppress-reason";

    private readonly List<(int TargetLine, SuppressionEntry Entry)> nextLine = [];
    private readonly List<(int LineStart, DirectiveKind Kind, SuppressionEntry Entry)> ranges = [];
    private readonly List<SuppressionEntry> wholeFile = [];
    private readonly List<(TextSpan ObjectSpan, SuppressionEntry Entry)> annotations = [];
    private readonly List<SuppressionDirective> unrecognized = [];
    private readonly SourceText text;

    public FileSuppressions(SyntaxTree tree, IEnumerable<ManifestObject> objects)
    {
        text = tree.Text;
        var directives = SuppressionCommentScanner.Scan(text);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var occurrence = seen[directive.Text] = seen.GetValueOrDefault(directive.Text) + 1;
            var fingerprint = $"{directive.Text}|{occurrence}";
            switch (directive.Kind)
            {
                case DirectiveKind.DisableNextLine:
                    var target = NextContentLine(directive.Line);
                    nextLine.Add((target, Entry(directive, target > text.LineCount ? "for the next line (there is none)" : $"for line {target}", fingerprint)));
                    break;
                case DirectiveKind.Disable or DirectiveKind.Enable:
                    ranges.Add((text.GetLineStart(directive.Line), directive.Kind, Entry(directive, $"from line {directive.Line}", fingerprint)));
                    break;
                case DirectiveKind.DisableFile:
                    wholeFile.Add(Entry(directive, "in this file", fingerprint));
                    break;
                default:
                    unrecognized.Add(directive);
                    break;
            }
        }

        foreach (var obj in objects)
        {
            if (obj.GetAnnotationNode(SuppressAnnotation) is { } node)
            {
                var value = node.Value.Trim();
                var (ids, unknown) = value is "*" ? ([], []) : SuppressionDirective.ParseRules(value);
                var reason = obj.GetAnnotation(ReasonAnnotation);
                var entry = new SuppressionEntry(ids, unknown, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), text, node.Span, $"on {obj.DisplayName}", $"annotation|{obj.DisplayName}|{value}");
                annotations.Add((obj.Node.Span, entry));
            }
        }
    }

    /// <summary>Finds the suppressions that hide a finding, marks them used, and returns the first one's suppression.</summary>
    public Suppression? Match(Diagnostic diagnostic)
    {
        var id = diagnostic.Id;
        var offset = diagnostic.Location.Span.Start;
        var line = text.GetPosition(offset).Line;
        var matches = new List<SuppressionEntry>();
        matches.AddRange(nextLine.Where(n => n.TargetLine == line && n.Entry.Covers(id)).Select(n => n.Entry));

        // The last disable or enable before the finding that concerns its rule decides.
        var lastRange = ranges.LastOrDefault(r => r.LineStart <= offset && r.Entry.Covers(id));
        if (lastRange.Entry is not null && lastRange.Kind == DirectiveKind.Disable)
        {
            matches.Add(lastRange.Entry);
        }

        matches.AddRange(wholeFile.Where(e => e.Covers(id)));
        matches.AddRange(annotations.Where(a => a.ObjectSpan.Contains(offset) && a.Entry.Covers(id)).Select(a => a.Entry));
        // An MP0002 about a suppression is never hidden by that same suppression.
        matches.RemoveAll(entry => id == MP0002UnusedSuppression.Descriptor.Id && entry.Span == diagnostic.Location.Span);
        foreach (var entry in matches)
        {
            entry.MarkUsed(id);
        }

        return matches.Count == 0 ? null : matches.FirstOrDefault(m => m.Reason is not null)?.Suppression ?? matches[0].Suppression;
    }

    /// <summary>
    /// MP0002 findings for suppressions that hid nothing. With <paramref name="aboutUnusedSuppressions"/> false it
    /// leaves out suppressions that name MP0002 itself: those can only be judged once MP0002 has been reported.
    /// </summary>
    public IEnumerable<Diagnostic> Unused(bool aboutUnusedSuppressions)
    {
        var mp0002 = MP0002UnusedSuppression.Descriptor.Id;
        var entries = nextLine.Select(n => n.Entry)
            .Concat(ranges.Where(r => r.Kind == DirectiveKind.Disable).Select(r => r.Entry))
            .Concat(wholeFile)
            .Concat(annotations.Select(a => a.Entry));
        foreach (var entry in entries)
        {
            if (!aboutUnusedSuppressions)
            {
                foreach (var unknown in entry.UnknownRules)
                {
                    yield return Create(entry, $"'{unknown}' in this suppression names no rule; use a rule ID or name that `manifestpolicy rules` lists.", $"unknown|{unknown}");
                }
            }

            if (entry.AllRules)
            {
                if (!aboutUnusedSuppressions && !entry.WasUsed)
                {
                    yield return Create(entry, $"This suppression of all rules {entry.Scope} matches no finding; remove it.", "all");
                }

                continue;
            }

            var unused = entry.UnusedRuleIds.Where(id => (id == mp0002) == aboutUnusedSuppressions).ToList();
            if (unused.Count > 0)
            {
                var names = string.Join(", ", unused.Select(Describe));
                var fix = unused.Count == entry.RuleIds.Count && entry.UnknownRules.Count == 0 ? "remove it" : $"remove {string.Join(", ", unused)} from it";
                yield return Create(entry, $"This suppression of {names} {entry.Scope} matches no finding; {fix}.", string.Join(",", unused));
            }
        }

        if (!aboutUnusedSuppressions)
        {
            foreach (var directive in unrecognized)
            {
                var verb = directive.Text.Split(' ', 2)[0];
                yield return MP0002UnusedSuppression.Create(
                    text,
                    directive.Span,
                    $"'{verb}' is not a suppression directive, so it suppresses nothing; write manifestpolicy-disable-next-line, manifestpolicy-disable, manifestpolicy-enable or manifestpolicy-disable-file.",
                    $"MP0002|{text.Path}|unrecognized|{directive.Text}");
            }
        }
    }

    private static string Describe(string id) => RuleCatalog.Find(id) is { } rule ? $"{rule.Id} ({rule.Name})" : id;

    private Diagnostic Create(SuppressionEntry entry, string message, string what) =>
        MP0002UnusedSuppression.Create(entry.Text, entry.Span, message, $"MP0002|{text.Path}|{entry.FingerprintText}|{what}");

    private SuppressionEntry Entry(SuppressionDirective directive, string scope, string fingerprint) =>
        new(directive.RuleIds, directive.UnknownRules, directive.Reason, text, directive.Span, scope, fingerprint);

    /// <summary>The first line after <paramref name="line"/> that is neither blank nor only a comment.</summary>
    private int NextContentLine(int line)
    {
        for (var next = line + 1; next <= text.LineCount; next++)
        {
            var content = text.GetLineText(next).TrimStart();
            if (content.Length > 0 && content[0] != '#')
            {
                return next;
            }
        }

        return text.LineCount + 1;
    }
}
