using System.Text;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Yaml;

/// <summary>A fragment cannot be merged without rewriting more than the fix should: the reason says where.</summary>
public sealed class FragmentMergeException(string message) : Exception(message);

/// <summary>
/// Merges a YAML fragment (rendered from a template) into a mapping of a file as text edits: missing keys are inserted
/// with the indentation of their siblings, sequences get items appended, scalars that differ are replaced in their own
/// quoting style. Nothing else of the file is touched; comments, key order and styles stay as they are.
/// </summary>
public sealed class YamlFragmentMerger
{
    private readonly SourceText text;
    private readonly SourceText fragmentText;

    /// <summary>A .json file stays JSON: inserted keys and strings are double-quoted.</summary>
    private readonly bool json;
    private readonly List<TextEdit> edits = [];

    private YamlFragmentMerger(SourceText text, SourceText fragmentText)
    {
        this.text = text;
        this.fragmentText = fragmentText;
        json = text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The edits that merge <paramref name="fragment"/> (a YAML mapping) into <paramref name="target"/>.</summary>
    public static IReadOnlyList<TextEdit> Merge(SourceText text, MappingNode target, string fragment)
    {
        var fragmentSource = new SourceText("<fragment>", fragment);
        var tree = SyntaxTree.Parse(fragmentSource);
        if (tree.Error is { } error)
        {
            throw new FragmentMergeException($"the rendered fragment is not valid YAML: {error.Message}");
        }

        if (tree.Documents.Count == 0 || tree.Documents[0].Root is null)
        {
            return [];
        }

        if (tree.Documents[0].Root is not MappingNode root)
        {
            throw new FragmentMergeException("the rendered fragment is not a mapping");
        }

        var merger = new YamlFragmentMerger(text, fragmentSource);
        merger.MergeMapping(target, root, "");
        return merger.edits;
    }

    private void MergeMapping(MappingNode target, MappingNode fragment, string path)
    {
        if (target.Anchor is not null)
        {
            throw new FragmentMergeException($"{Describe(path)} is anchored (&{target.Anchor}) and may be shared through aliases");
        }

        var missing = new List<YamlEntry>();
        foreach (var entry in fragment.Entries)
        {
            var key = entry.KeyText ?? throw new FragmentMergeException("the rendered fragment has a complex key");
            var childPath = path.Length == 0 ? key : $"{path}.{key}";

            // Only the mapping's own keys count: a key merged in with << lives elsewhere and is overridden by adding it here.
            var existing = target.Entries.LastOrDefault(e => e.KeyText == key);
            if (existing is null)
            {
                missing.Add(entry);
                continue;
            }

            if (existing.Value is AliasNode)
            {
                throw new FragmentMergeException($"{Describe(childPath)} is an alias (*{((AliasNode)existing.Value).Name}); changing it would change what it refers to");
            }

            switch (entry.Value, existing.Value)
            {
                case (MappingNode f, MappingNode t):
                    MergeMapping(t, f, childPath);
                    break;
                case (SequenceNode f, SequenceNode t):
                    AppendItems(t, f, childPath);
                    break;
                case (ScalarNode f, ScalarNode t) when !t.IsNull:
                    ReplaceScalar(t, f);
                    break;
                case (_, ScalarNode { IsNull: true } t):
                    ReplaceNull(existing, t, entry.Value);
                    break;
                default:
                    throw new FragmentMergeException($"{Describe(childPath)} is a {existing.Value.Kind.ToString().ToLowerInvariant()}, not a {entry.Value.Kind.ToString().ToLowerInvariant()}");
            }
        }

        if (missing.Count > 0)
        {
            InsertEntries(target, missing);
        }
    }

    private static string Describe(string path) => path.Length == 0 ? "the target mapping" : $"'{path}'";

    private void ReplaceScalar(ScalarNode target, ScalarNode fragmentValue)
    {
        var value = fragmentValue.Value;
        if (target.Value == value && target.IsQuoted == fragmentValue.IsQuoted)
        {
            return;
        }

        if (target.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            throw new FragmentMergeException($"the value '{target.Value}' is a block scalar");
        }

        var start = YamlText.ContentStart(text, target);
        var inFlow = YamlText.IsInFlow(target);
        var replacement = IsTypedPlain(fragmentValue, inFlow) ? value : YamlScalarWriter.Write(value, target.Style, inFlow);
        edits.Add(new TextEdit(new TextSpan(start, target.Span.End), replacement));
    }

    /// <summary>"key:" with no value (or ~ / null) gets the fragment's value in its place.</summary>
    private void ReplaceNull(YamlEntry entry, ScalarNode nullValue, YamlNode value)
    {
        var colon = text.Text.IndexOf(':', entry.Key.Span.End);
        if (colon < 0)
        {
            throw new FragmentMergeException("cannot find the ':' of an empty entry");
        }

        var end = nullValue.Span.Length > 0 ? nullValue.Span.End : colon + 1;
        if (YamlText.IsInFlow(nullValue) || value is ScalarNode)
        {
            edits.Add(new TextEdit(new TextSpan(colon + 1, end), " " + Flow(value)));
            return;
        }

        var indent = YamlText.ColumnOf(text, entry.Key.Span.Start) + 2;
        edits.Add(new TextEdit(new TextSpan(colon + 1, end), "\n" + BlockValueText(value, indent)));
    }

    private void InsertEntries(MappingNode target, List<YamlEntry> entries)
    {
        if (target.IsFlow)
        {
            var flow = string.Join(", ", entries.Select(e => $"{FlowKey(e)}: {Flow(e.Value)}"));
            if (target.Entries.Count == 0)
            {
                edits.Add(TextEdit.Insert(target.Span.End - 1, flow));
            }
            else
            {
                var last = target.Entries[^1];
                edits.Add(TextEdit.Insert(Math.Max(last.Key.Span.End, last.Value.Span.End), ", " + flow));
            }

            return;
        }

        var indent = YamlText.ColumnOf(text, target.Entries[0].Key.Span.Start);
        var end = target.Entries.Max(e => Math.Max(e.Key.Span.End, e.Value.Span.End));
        EnsureNothingTrailsAt(target);
        var builder = new StringBuilder();
        foreach (var entry in entries)
        {
            builder.Append('\n').Append(Reindent(entry.Key.Span.Start, Math.Max(entry.Key.Span.End, entry.Value.Span.End), indent));
        }

        edits.Add(TextEdit.Insert(YamlText.LineEndOf(text, end), builder.ToString()));
    }

    private void AppendItems(SequenceNode target, SequenceNode fragment, string path)
    {
        if (target.Anchor is not null)
        {
            throw new FragmentMergeException($"{Describe(path)} is anchored (&{target.Anchor}) and may be shared through aliases");
        }

        if (target.IsFlow || target.Items.Count == 0)
        {
            var flow = string.Join(", ", fragment.Items.Select(Flow));
            edits.Add(TextEdit.Insert(target.Span.End - 1, (target.Items.Count == 0 ? string.Empty : ", ") + flow));
            return;
        }

        EnsureNothingTrailsAt(target);
        var dash = DashOf(text, target.Items[0]);
        var indent = YamlText.ColumnOf(text, dash);
        var builder = new StringBuilder();
        foreach (var item in fragment.Items)
        {
            var fragmentDash = DashOf(fragmentText, item);
            builder.Append('\n').Append(Reindent(fragmentDash, item.Span.End, indent));
        }

        edits.Add(TextEdit.Insert(YamlText.LineEndOf(text, target.Span.End), builder.ToString()));
    }

    /// <summary>
    /// A block scalar that keeps its trailing line breaks (|+ or >+) owns the blank lines after it: a line inserted
    /// after its last content line would take them away.
    /// </summary>
    private void EnsureNothingTrailsAt(YamlNode node)
    {
        var last = node;
        while (true)
        {
            YamlNode? next = last switch
            {
                MappingNode { IsFlow: false, Entries.Count: > 0 } m => m.Entries.MaxBy(e => e.Value.Span.End)!.Value,
                SequenceNode { IsFlow: false, Items.Count: > 0 } q => q.Items[^1],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            last = next;
        }

        if (last is ScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } scalar)
        {
            var header = text.GetLineText(text.GetPosition(scalar.Span.Start).Line);
            if (System.Text.RegularExpressions.Regex.IsMatch(header, @"[|>][1-9]?\+"))
            {
                throw new FragmentMergeException("the mapping ends with a block scalar that keeps its trailing line breaks (|+ or >+); add the entry by hand");
            }
        }
    }

    /// <summary>The '-' that introduces a block sequence item.</summary>
    private static int DashOf(SourceText source, YamlNode item)
    {
        var i = item.Span.Start - 1;
        while (i >= 0 && source.Text[i] is ' ' or '\t')
        {
            i--;
        }

        if (i < 0 || source.Text[i] != '-')
        {
            throw new FragmentMergeException("a sequence item does not start with '-' on its line");
        }

        return i;
    }

    /// <summary>The fragment text from <paramref name="start"/> to <paramref name="end"/>, moved to column <paramref name="indent"/>.</summary>
    private string Reindent(int start, int end, int indent)
    {
        var from = YamlText.ColumnOf(fragmentText, start);
        var lineStart = YamlText.LineStartOf(fragmentText, start);
        var body = fragmentText.Text[lineStart..YamlText.LineEndOf(fragmentText, end)];
        var pad = new string(' ', indent);
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var strip = 0;
            while (strip < from && strip < line.Length && line[strip] == ' ')
            {
                strip++;
            }

            lines[i] = line.Length == strip ? string.Empty : pad + line[strip..];
        }

        return string.Join('\n', lines);
    }

    private string BlockValueText(YamlNode value, int indent) => value switch
    {
        MappingNode mapping => string.Join('\n', mapping.Entries.Select(e => Reindent(e.Key.Span.Start, Math.Max(e.Key.Span.End, e.Value.Span.End), indent))),
        SequenceNode sequence => string.Join('\n', sequence.Items.Select(item => Reindent(DashOf(fragmentText, item), item.Span.End, indent))),
        _ => new string(' ', indent) + Flow(value),
    };

    private string FlowKey(YamlEntry entry) =>
        YamlScalarWriter.Write(entry.KeyText ?? string.Empty, json ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain, inFlow: true);

    /// <summary>
    /// A plain fragment scalar that would not read back as a string (true, 10, null) means that type: it is written as
    /// it stands, so the template decides between 10 and "10".
    /// </summary>
    private static bool IsTypedPlain(ScalarNode scalar, bool inFlow) =>
        scalar.Style == ScalarStyle.Plain && !YamlScalarWriter.CanBePlain(scalar.Value, inFlow)
        && scalar.Value.Length > 0 && scalar.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '_' or '~');

    private static bool IsJsonLiteral(string value) =>
        value is "true" or "false" or "null" || System.Text.RegularExpressions.Regex.IsMatch(value, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$");

    /// <summary>The fragment node in flow style, for flow collections (and JSON files).</summary>
    private string Flow(YamlNode node) => node switch
    {
        ScalarNode scalar when IsTypedPlain(scalar, inFlow: true) && (!json || IsJsonLiteral(scalar.Value)) => scalar.Value,
        ScalarNode scalar => YamlScalarWriter.Write(scalar.Value, scalar.Style == ScalarStyle.Plain && !json ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, inFlow: true),
        MappingNode mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{FlowKey(e)}: {Flow(e.Value)}")) + "}",
        SequenceNode sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
        _ => throw new FragmentMergeException("the rendered fragment uses an alias"),
    };
}
