namespace ManifestPolicy.Syntax;

/// <summary>One YAML document of a file: the text between separators, and its root node.</summary>
public sealed class YamlDocument
{
    public YamlDocument(int index, YamlNode? root, TextSpan span, bool hasExplicitStart)
    {
        Index = index;
        Root = root;
        Span = span;
        HasExplicitStart = hasExplicitStart;
    }

    /// <summary>0-based position of the document in its file.</summary>
    public int Index { get; }

    /// <summary>The root node, or null for an empty document.</summary>
    public YamlNode? Root { get; }

    /// <summary>From the "---" marker (or the first node) to the end of the last node or the "..." marker.</summary>
    public TextSpan Span { get; }

    public bool HasExplicitStart { get; }
}

/// <summary>Why and where a file could not be parsed to the end.</summary>
public sealed record SyntaxError(string Message, TextSpan Span);

/// <summary>A parsed file: its text, the documents parsed before any error, and that error.</summary>
public sealed class SyntaxTree
{
    public SyntaxTree(SourceText text, IReadOnlyList<YamlDocument> documents, SyntaxError? error)
    {
        Text = text;
        Documents = documents;
        Error = error;
    }

    public SourceText Text { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    public SyntaxError? Error { get; }

    public string Path => Text.Path;

    public static SyntaxTree Parse(SourceText text, YamlParseLimits? limits = null) =>
        new YamlTreeBuilder(text, limits ?? YamlParseLimits.Default).Build();
}

/// <summary>Bounds that keep hostile input from costing unbounded time or stack.</summary>
public sealed record YamlParseLimits(int MaxDepth, int MaxCharacters)
{
    public static YamlParseLimits Default { get; } = new(MaxDepth: 200, MaxCharacters: 64 * 1024 * 1024);
}
