using System.Text;
using System.Text.RegularExpressions;

namespace ManifestPolicy.Analyzers;

/// <summary>Path globs as users write them in configuration: `**` crosses folders, `*` and `?` do not.</summary>
public static class PathGlob
{
    public static bool IsMatch(string glob, string path)
    {
        path = path.Replace('\\', '/');
        if (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return ToRegex(glob).IsMatch(path);
    }

    public static Regex ToRegex(string glob)
    {
        glob = glob.Replace('\\', '/');
        if (glob.StartsWith("./", StringComparison.Ordinal))
        {
            glob = glob[2..];
        }

        var pattern = new StringBuilder("^");

        // A glob without a slash matches at any depth, as in .gitignore.
        if (!glob.Contains('/'))
        {
            pattern.Append("(?:.*/)?");
        }

        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }
}
