namespace ManifestPolicy.Syntax;

public enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}

/// <summary>
/// A node of the positioned YAML tree. Unlike YamlDotNet's representation model, every node here carries the exact
/// span of its text, collections included, so that findings and fixes can point at the right characters.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(TextSpan span, string? anchor, string? tag)
    {
        Span = span;
        Anchor = anchor;
        Tag = tag;
    }

    public abstract YamlNodeKind Kind { get; }

    /// <summary>From the first character of the node (its anchor or tag, if any) to just after its last character.</summary>
    public TextSpan Span { get; internal set; }

    public string? Anchor { get; }

    public string? Tag { get; }

    public YamlNode? Parent { get; internal set; }

    /// <summary>The node an alias stands for; any other node is itself.</summary>
    public virtual YamlNode Resolve() => this;
}

public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

public sealed class ScalarNode : YamlNode
{
    public ScalarNode(string value, ScalarStyle style, TextSpan span, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    /// <summary>A plain scalar that YAML resolves to null: empty, ~ or null.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string ToString() => Value;
}

public sealed class AliasNode : YamlNode
{
    public AliasNode(string name, YamlNode? target, TextSpan span)
        : base(span, null, null)
    {
        Name = name;
        Target = target;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Alias;

    public string Name { get; }

    /// <summary>The anchored node, or null when the anchor was never defined.</summary>
    public YamlNode? Target { get; }

    public override YamlNode Resolve() => Target?.Resolve() ?? this;
}

public sealed class SequenceNode : YamlNode
{
    private readonly List<YamlNode> items = [];

    public SequenceNode(TextSpan span, bool isFlow, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        IsFlow = isFlow;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public bool IsFlow { get; }

    public IReadOnlyList<YamlNode> Items => items;

    internal void Add(YamlNode item)
    {
        item.Parent = this;
        items.Add(item);
    }
}

/// <summary>One key and its value in a mapping.</summary>
public sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text when it is a scalar; null for complex keys.</summary>
    public string? KeyText => (Key.Resolve() as ScalarNode)?.Value;
}

public sealed class MappingNode : YamlNode
{
    private readonly List<YamlEntry> entries = [];

    public MappingNode(TextSpan span, bool isFlow, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        IsFlow = isFlow;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    public bool IsFlow { get; }

    public IReadOnlyList<YamlEntry> Entries => entries;

    /// <summary>
    /// The entry for a key. The last occurrence wins, as in Kubernetes' decoder; entries merged in with "&lt;&lt;"
    /// count when the mapping itself lacks the key.
    /// </summary>
    public YamlEntry? GetEntry(string key)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].KeyText == key)
            {
                return entries[i];
            }
        }

        return GetMergedEntry(key, depth: 0);
    }

    public YamlNode? Get(string key) => GetEntry(key)?.Value.Resolve();

    public MappingNode? GetMapping(string key) => Get(key) as MappingNode;

    public SequenceNode? GetSequence(string key) => Get(key) as SequenceNode;

    public ScalarNode? GetScalar(string key) => Get(key) as ScalarNode;

    /// <summary>The scalar value of a key, or null when the key is missing, null or not a scalar.</summary>
    public string? GetString(string key) => GetScalar(key) is { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>Follows a path of keys, e.g. ("spec", "scaleTargetRef", "name").</summary>
    public YamlNode? GetPath(params ReadOnlySpan<string> keys)
    {
        YamlNode? node = this;
        foreach (var key in keys)
        {
            if (node is not MappingNode mapping)
            {
                return null;
            }

            node = mapping.Get(key);
        }

        return node;
    }

    internal void Add(YamlEntry entry)
    {
        entry.Key.Parent ??= this;
        entry.Value.Parent ??= this;
        entries.Add(entry);
    }

    private YamlEntry? GetMergedEntry(string key, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].KeyText != "<<")
            {
                continue;
            }

            var merged = entries[i].Value.Resolve();
            IEnumerable<YamlNode> sources = merged is SequenceNode list ? list.Items.Reverse() : [merged];
            foreach (var source in sources)
            {
                if (source.Resolve() is MappingNode mapping)
                {
                    var found = mapping.entries.LastOrDefault(e => e.KeyText == key) ?? mapping.GetMergedEntry(key, depth + 1);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }
}
