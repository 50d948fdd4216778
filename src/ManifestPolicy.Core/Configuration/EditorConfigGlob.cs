using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ManifestPolicy.Configuration;

/// <summary>
/// A glob in EditorConfig's dialect: <c>*</c> (no slash), <c>**</c> (anything), <c>?</c>, <c>[abc]</c>,
/// <c>[!a-z]</c>, <c>{a,b}</c> (nestable), <c>{n1..n2}</c> (an integer in range) and <c>\</c> escapes. Matching is
/// ordinal and case-sensitive, as in Roslyn and editorconfig-core.
/// </summary>
public sealed class EditorConfigGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly Regex NumberRange = new(@"^([+-]?[0-9]+)\.\.([+-]?[0-9]+)$", RegexOptions.CultureInvariant);

    private readonly Regex regex;
    private readonly IReadOnlyList<(long Min, long Max)> ranges;

    private EditorConfigGlob(string pattern, Regex regex, IReadOnlyList<(long Min, long Max)> ranges)
    {
        Pattern = pattern;
        this.regex = regex;
        this.ranges = ranges;
    }

    public string Pattern { get; }

    /// <summary>Compiles a glob that must match the whole of a path, optionally below a fixed, literal prefix.</summary>
    public static EditorConfigGlob Compile(string pattern, string literalPrefix = "")
    {
        var ranges = new List<(long, long)>();
        var body = new Translator(pattern, ranges).Translate(0, pattern.Length);
        var regex = new Regex($"^{Regex.Escape(literalPrefix)}{body}$", RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
        return new EditorConfigGlob(pattern, regex, ranges);
    }

    /// <summary>
    /// The glob of an .editorconfig section header, anchored at the file's directory: a section without "/" matches
    /// the file name in any folder below; one with "/" matches the path from that directory.
    /// </summary>
    public static EditorConfigGlob CompileSection(string section, string directory)
    {
        var prefix = directory.Replace('\\', '/').TrimEnd('/') + "/";
        if (!ContainsPathSeparator(section))
        {
            return Compile("**/" + section, prefix, section);
        }

        return Compile(section.StartsWith('/') ? section[1..] : section, prefix, section);
    }

    public bool IsMatch(string path)
    {
        path = path.Replace('\\', '/');
        Match match;
        try
        {
            match = regex.Match(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            var group = match.Groups[$"n{i}"];
            if (group.Success && !InRange(group.Value, ranges[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Pattern;

    private static EditorConfigGlob Compile(string pattern, string prefix, string displayed)
    {
        var glob = Compile(pattern, prefix);
        return new EditorConfigGlob(displayed, glob.regex, glob.ranges);
    }

    private static bool InRange(string digits, (long Min, long Max) range) =>
        long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= range.Min && value <= range.Max;

    private static bool ContainsPathSeparator(string section)
    {
        var inBracket = false;
        for (var i = 0; i < section.Length; i++)
        {
            switch (section[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case ']':
                    inBracket = false;
                    break;
                case '/' when !inBracket:
                    return true;
            }
        }

        return false;
    }

    private sealed class Translator(string pattern, List<(long, long)> ranges)
    {
        public string Translate(int start, int end)
        {
            var sb = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '\\' when i + 1 < end:
                        sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*' when i + 1 < end && pattern[i + 1] == '*':
                        i++;
                        // "a/**/b" also matches "a/b", and a leading "**/" matches no folder at all, as in .gitignore.
                        if ((sb.Length == 0 || sb[^1] == '/') && i + 1 < end && pattern[i + 1] == '/')
                        {
                            sb.Append("(?:.*/)?");
                            i++;
                        }
                        else
                        {
                            sb.Append(".*");
                        }

                        break;
                    case '*':
                        sb.Append("[^/]*");
                        break;
                    case '?':
                        sb.Append("[^/]");
                        break;
                    case '[':
                        i = TranslateBracket(i, end, sb);
                        break;
                    case '{':
                        i = TranslateBraces(i, end, sb);
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary>A character class; an unclosed "[" or one spanning a "/" is a literal character.</summary>
        private int TranslateBracket(int open, int end, StringBuilder sb)
        {
            var close = -1;
            for (var j = open + 1; j < end; j++)
            {
                if (pattern[j] == '\\')
                {
                    j++;
                }
                else if (pattern[j] == '/')
                {
                    break;
                }
                else if (pattern[j] == ']' && j > open + 1 && !(j == open + 2 && pattern[open + 1] is '!' or '^'))
                {
                    close = j;
                    break;
                }
            }

            if (close < 0)
            {
                sb.Append(@"\[");
                return open;
            }

            var cls = new StringBuilder("[");
            var k = open + 1;
            if (pattern[k] is '!' or '^')
            {
                cls.Append('^');
                k++;
            }

            for (; k < close; k++)
            {
                var ch = pattern[k];
                if (ch == '\\' && k + 1 < close)
                {
                    ch = pattern[++k];
                    cls.Append('\\').Append(ch);
                }
                else if (ch == '-' && k > open + 1 && k + 1 < close)
                {
                    cls.Append('-');
                }
                else
                {
                    cls.Append(ch is '\\' or ']' or '[' or '^' or '-' ? "\\" + ch : ch.ToString());
                }
            }

            sb.Append(cls).Append(']');
            return close;
        }

        /// <summary>Alternatives or a number range; an unclosed "{" or a single choice "{a}" is literal text.</summary>
        private int TranslateBraces(int open, int end, StringBuilder sb)
        {
            var depth = 0;
            var close = -1;
            var commas = new List<int>();
            for (var j = open; j < end; j++)
            {
                var ch = pattern[j];
                if (ch == '\\')
                {
                    j++;
                }
                else if (ch == '{')
                {
                    depth++;
                }
                else if (ch == '}')
                {
                    if (--depth == 0)
                    {
                        close = j;
                        break;
                    }
                }
                else if (ch == ',' && depth == 1)
                {
                    commas.Add(j);
                }
            }

            if (close < 0)
            {
                sb.Append(@"\{");
                return open;
            }

            var inner = pattern[(open + 1)..close];
            var range = NumberRange.Match(inner);
            if (range.Success)
            {
                var a = long.Parse(range.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                var b = long.Parse(range.Groups[2].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                sb.Append($"(?<n{ranges.Count}>[+-]?[0-9]+)");
                ranges.Add((Math.Min(a, b), Math.Max(a, b)));
                return close;
            }

            if (commas.Count == 0)
            {
                sb.Append(Regex.Escape("{")).Append(Translate(open + 1, close)).Append(Regex.Escape("}"));
                return close;
            }

            sb.Append("(?:");
            var from = open + 1;
            foreach (var comma in commas.Append(close))
            {
                sb.Append(Translate(from, comma));
                sb.Append(comma == close ? ")" : "|");
                from = comma + 1;
            }

            return close;
        }
    }
}
