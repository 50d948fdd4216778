using System.Text;
using System.Text.RegularExpressions;

namespace ManifestPolicy.Inputs;

/// <summary>
/// A path glob as in .gitignore-style configuration: <c>*</c> matches within one path segment, <c>**</c> across
/// segments, <c>?</c> one character, <c>[abc]</c> a set. A pattern without a slash matches a file or folder name at
/// any depth; a pattern ending in a slash matches only folders (and everything under them).
/// </summary>
public sealed class Glob
{
    private readonly Regex regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var p = pattern.Replace('\\', '/').Trim();
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        var directoryOnly = p.EndsWith('/');
        p = p.TrimEnd('/');
        var anchored = p.Contains('/');
        p = p.TrimStart('/');
        var body = Translate(p);
        var prefix = anchored ? "^" : "^(?:.*/)?";
        var suffix = directoryOnly ? "/.*$" : "(?:/.*)?$";
        regex = new Regex(prefix + body + suffix, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    /// <summary>True when a relative path (forward slashes) or one of its parent folders matches.</summary>
    public bool IsMatch(string relativePath) => regex.IsMatch(relativePath.Replace('\\', '/').TrimStart('/'));

    private static string Translate(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
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
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    if (set.StartsWith('!'))
                    {
                        set = "^" + set[1..];
                    }

                    sb.Append('[').Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
