using ManifestPolicy.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace ManifestPolicy.Suppressions;

/// <summary>
/// Finds suppression comments with YamlDotNet's scanner, which knows where comments really are: a "#" inside a
/// quoted string or a block scalar is text, not a comment. The syntax tree drops comments, hence this second pass.
/// </summary>
public static class SuppressionCommentScanner
{
    public static IReadOnlyList<SuppressionDirective> Scan(SourceText text)
    {
        var directives = new List<SuppressionDirective>();
        if (!text.Text.Contains(SuppressionDirective.Prefix, StringComparison.Ordinal))
        {
            return directives;
        }

        var scanner = new Scanner(new StringReader(text.Text), skipComments: false);
        try
        {
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment comment)
                {
                    Add(text, comment, directives);
                }
            }
        }
        catch (YamlException)
        {
            // The file does not parse (MP0001 says so); the comments before the error still count.
        }

        return directives;
    }

    private static void Add(SourceText text, Comment comment, List<SuppressionDirective> directives)
    {
        // Mark.Index counts UTF-16 code units from the start of the text handed to the scanner, which is
        // SourceText.Text (no byte order mark), so it is a SourceText offset as is.
        var start = (int)Math.Clamp(comment.Start.Index, 0, text.Text.Length);
        var hash = text.Text.IndexOf('#', start);
        if (hash < 0)
        {
            return;
        }

        var line = text.GetPosition(hash).Line;
        var lineText = text.GetLineText(line);
        var column = hash - text.GetLineStart(line);
        var body = lineText[(column + 1)..];
        var span = new TextSpan(hash, hash + 1 + body.Length);
        if (SuppressionDirective.Parse(body, span, line) is { } directive)
        {
            directives.Add(directive);
        }
    }
}
