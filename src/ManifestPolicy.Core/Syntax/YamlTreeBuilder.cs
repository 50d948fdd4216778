using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Events = YamlDotNet.Core.Events;

namespace ManifestPolicy.Syntax;

/// <summary>
/// Builds the positioned tree from YamlDotNet's event stream. The events carry exact marks for scalars and for the
/// start of collections; the end of a block collection is taken from its last child, because the end event of a block
/// collection is only emitted at the next token, which may lie lines further on, past comments.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly SourceText text;
    private readonly YamlParseLimits limits;
    private readonly List<YamlDocument> documents = [];
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private const int MaxRelaxedScalars = 64;
    private readonly Stack<Frame> stack = new();
    private int lastEventEnd;

    public YamlTreeBuilder(SourceText text, YamlParseLimits limits)
    {
        this.text = text;
        this.limits = limits;
    }

    public SyntaxTree Build()
    {
        if (text.Text.Length > limits.MaxCharacters)
        {
            return Fail($"the file is larger than {limits.MaxCharacters / (1024 * 1024)} MiB and is not read", new TextSpan(0, 0));
        }

        var nul = text.Text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            return Fail("the file holds a NUL character: it is binary, not YAML or JSON", new TextSpan(nul, nul));
        }

        var source = text.Text;
        for (var relaxed = 0; ; relaxed++)
        {
            try
            {
                ParseEvents(source);
                return new SyntaxTree(text, documents, null);
            }
            catch (YamlException ex) when (relaxed < MaxRelaxedScalars && (TryRelaxQuotedScalar(ref source, ex) || TryRelaxBlankLeadingLines(ref source, ex)))
            {
                Reset();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Describe(ex);
            }
        }
    }

    /// <summary>
    /// Go's YAML parser, and so kubectl, accepts a multi-line quoted scalar whose continuation lines are not indented
    /// past the parent (Argo's examples are full of them); YamlDotNet follows the spec and rejects it. To judge
    /// manifests as the cluster will, such a scalar is parsed again with its line breaks read as spaces: offsets stay
    /// the same, and only the whitespace inside that one value differs.
    /// </summary>
    private bool TryRelaxQuotedScalar(ref string source, YamlException ex)
    {
        if (!ex.Message.Contains("quoted scalar, found wrong indentation", StringComparison.Ordinal))
        {
            return false;
        }

        var start = Offset(ex.Start);
        if (start >= source.Length || source[start] is not ('"' or '\''))
        {
            return false;
        }

        var quote = source[start];
        var chars = source.ToCharArray();
        var changed = false;
        for (var i = start + 1; i < chars.Length; i++)
        {
            var c = chars[i];
            if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote && !(quote == '\'' && i + 1 < chars.Length && chars[i + 1] == '\''))
            {
                break;
            }
            else if (quote == '\'' && c == '\'')
            {
                i++;
            }
            else if (c is '\r' or '\n')
            {
                chars[i] = ' ';
                changed = true;
            }
        }

        source = new string(chars);
        return changed;
    }

    /// <summary>
    /// YamlDotNet rejects a block scalar whose leading blank line holds as many spaces as its content is indented
    /// (istio's Loki addon), which the spec and Go's parser allow. Ending each such line one space early keeps every
    /// offset: the value gains a leading empty line, nothing else changes.
    /// </summary>
    private bool TryRelaxBlankLeadingLines(ref string source, YamlException ex)
    {
        if (!ex.Message.Contains("block scalar, found extra spaces in first line", StringComparison.Ordinal))
        {
            return false;
        }

        var chars = source.ToCharArray();
        var changed = false;
        var lineStart = Offset(ex.Start);
        lineStart = lineStart > 0 ? source.LastIndexOf('\n', lineStart - 1) + 1 : 0;
        while (lineStart > 0)
        {
            var previousEnd = lineStart - 1;
            var previousStart = previousEnd > 0 ? source.LastIndexOf('\n', previousEnd - 1) + 1 : 0;
            var line = source.AsSpan(previousStart, previousEnd - previousStart).TrimEnd('\r');
            if (line.Length == 0 || !line.ContainsAnyExcept(' '))
            {
                if (line.Length > 0)
                {
                    chars[previousStart + line.Length - 1] = '\n';
                    changed = true;
                }

                lineStart = previousStart;
                continue;
            }

            break;
        }

        source = new string(chars);
        return changed;
    }

    private void Reset()
    {
        documents.Clear();
        anchors.Clear();
        stack.Clear();
        lastEventEnd = 0;
    }

    private void ParseEvents(string source)
    {
        var parser = new Parser(new Scanner(new StringReader(source), skipComments: true));
        while (parser.MoveNext())
        {
            Handle(parser.Current!);
        }
    }

    private SyntaxTree Describe(Exception exception) => exception switch
    {
        YamlException ex => Fail(DescribeError(ex), new TextSpan(Offset(ex.Start), Math.Max(Offset(ex.Start), Offset(ex.End)))),
        NestingTooDeepException ex => Fail($"the document nests deeper than {limits.MaxDepth} levels", new TextSpan(ex.Offset, ex.Offset)),
        UndefinedAliasException ex => Fail($"the alias *{ex.Name} refers to no anchor defined before it", ex.Span),

        // YamlDotNet throws bare InvalidOperationException for some malformed input (an unclosed flow collection);
        // the open collection on our stack says more than its message does.
        _ => FailWithoutPosition(exception),
    };

    private SyntaxTree Fail(string message, TextSpan span) => new(text, documents, new SyntaxError(message, span));

    private SyntaxTree FailWithoutPosition(Exception ex)
    {
        var open = stack.FirstOrDefault(f => f.Collection is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true })?.Collection;
        if (open is not null)
        {
            var kind = open is MappingNode ? "flow mapping" : "flow sequence";
            return Fail($"the {kind} opened here is not closed", new TextSpan(open.Span.Start, open.Span.Start + 1));
        }

        var at = lastEventEnd;
        return Fail($"the YAML does not parse after this point ({ex.Message.Trim().TrimEnd('.')})", new TextSpan(at, at));
    }

    private static string DescribeError(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; we report the position ourselves.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message[(marker + 3)..];
        }

        message = message.Trim().TrimEnd('.');
        return message.Length == 0 ? "the YAML does not parse" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, text.Text.Length);

    private void Handle(ParsingEvent e)
    {
        lastEventEnd = Offset(e.End);
        switch (e)
        {
            case DocumentStart start:
                anchors.Clear();
                stack.Clear();
                stack.Push(Frame.ForDocument(Offset(start.Start), !start.IsImplicit));
                break;
            case DocumentEnd end:
                var doc = stack.Pop();
                var docEnd = end.IsImplicit ? (doc.Root?.Span.End ?? doc.Start) : DocumentEndMarkerEnd(end);
                var docStart = doc.HasExplicitStart ? doc.Start : (doc.Root?.Span.Start ?? doc.Start);
                documents.Add(new YamlDocument(documents.Count, doc.Root, new TextSpan(docStart, Math.Max(docStart, docEnd)), doc.HasExplicitStart));
                break;
            case Events.Scalar scalar:
                AddNode(CreateScalar(scalar));
                break;
            case AnchorAlias alias:
                var name = alias.Value.Value;
                var span = new TextSpan(Offset(alias.Start), Offset(alias.End));
                if (!anchors.TryGetValue(name, out var target))
                {
                    throw new UndefinedAliasException(name, span);
                }

                AddNode(new AliasNode(name, target, span));
                break;
            case MappingStart mapping:
                PushCollection(new MappingNode(new TextSpan(Offset(mapping.Start), Offset(mapping.End)), mapping.Style == MappingStyle.Flow, AnchorOf(mapping.Anchor), TagOf(mapping.Tag)));
                break;
            case SequenceStart sequence:
                PushCollection(new SequenceNode(new TextSpan(Offset(sequence.Start), Offset(sequence.End)), sequence.Style == SequenceStyle.Flow, AnchorOf(sequence.Anchor), TagOf(sequence.Tag)));
                break;
            case MappingEnd or SequenceEnd:
                var frame = stack.Pop();
                var node = frame.Collection!;
                node.Span = new TextSpan(node.Span.Start, CollectionEnd(node, FlowEnd(e)));
                AddNode(node, alreadyRegistered: true);
                break;
        }
    }

    private int DocumentEndMarkerEnd(DocumentEnd end)
    {
        var offset = Offset(end.Start);
        return string.CompareOrdinal(text.Text, offset, "...", 0, 3) == 0 ? offset + 3 : Offset(end.End);
    }

    private int FlowEnd(ParsingEvent end)
    {
        var offset = Offset(end.Start);
        return offset < text.Text.Length && text.Text[offset] is '}' or ']' ? offset + 1 : Offset(end.End);
    }

    private void PushCollection(YamlNode node)
    {
        if (stack.Count > limits.MaxDepth)
        {
            throw new NestingTooDeepException(node.Span.Start);
        }

        Register(node);
        stack.Push(Frame.ForCollection(node));
    }

    private static int CollectionEnd(YamlNode node, int endEventOffset)
    {
        var isFlow = node is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true };
        if (isFlow)
        {
            // The end event's mark sits on the closing bracket; the node includes it.
            return endEventOffset;
        }

        var end = node.Span.Start;
        if (node is MappingNode mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                end = Math.Max(end, Math.Max(entry.Key.Span.End, entry.Value.Span.End));
            }
        }
        else if (node is SequenceNode sequence)
        {
            foreach (var item in sequence.Items)
            {
                end = Math.Max(end, item.Span.End);
            }
        }

        return end;
    }

    private ScalarNode CreateScalar(Events.Scalar scalar)
    {
        var style = scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
        var start = Offset(scalar.Start);
        var end = Offset(scalar.End);
        if (style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's end mark lies after its trailing line breaks; the node ends on its last content line.
            while (end > start && char.IsWhiteSpace(text.Text[end - 1]))
            {
                end--;
            }
        }

        var node = new ScalarNode(scalar.Value, style, new TextSpan(start, Math.Max(start, end)), AnchorOf(scalar.Anchor), TagOf(scalar.Tag));
        Register(node);
        return node;
    }

    private void Register(YamlNode node)
    {
        if (node.Anchor is { } anchor)
        {
            anchors[anchor] = node;
        }
    }

    private void AddNode(YamlNode node, bool alreadyRegistered = false)
    {
        _ = alreadyRegistered;
        var parent = stack.Peek();
        parent.Add(node);
    }

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private sealed class Frame
    {
        private YamlNode? pendingKey;

        public int Start { get; private init; }

        public bool HasExplicitStart { get; private init; }

        public YamlNode? Collection { get; private init; }

        public YamlNode? Root { get; private set; }

        public static Frame ForDocument(int start, bool explicitStart) => new() { Start = start, HasExplicitStart = explicitStart };

        public static Frame ForCollection(YamlNode node) => new() { Collection = node, Start = node.Span.Start };

        public void Add(YamlNode node)
        {
            switch (Collection)
            {
                case null:
                    Root = node;
                    break;
                case SequenceNode sequence:
                    sequence.Add(node);
                    break;
                case MappingNode mapping when pendingKey is null:
                    pendingKey = node;
                    break;
                case MappingNode mapping:
                    mapping.Add(new YamlEntry(pendingKey!, node));
                    pendingKey = null;
                    break;
            }
        }
    }

    private sealed class NestingTooDeepException(int offset) : Exception
    {
        public int Offset { get; } = offset;
    }

    private sealed class UndefinedAliasException(string name, TextSpan span) : Exception
    {
        public string Name { get; } = name;

        public TextSpan Span { get; } = span;
    }
}
