using System.Text;

namespace ManifestPolicy.Fixes;

/// <summary>A unified diff of two texts, as `diff -u` and `git apply` read it; sensitive values are masked.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxCells = 16_000_000;

    public static string Create(string oldPath, string newPath, string? oldText, string? newText, IReadOnlyList<string>? sensitive = null)
    {
        var a = SplitLines(oldText ?? string.Empty);
        var b = SplitLines(newText ?? string.Empty);
        var script = Diff(a, b);
        if (script.All(op => op.Kind == ' '))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldText is null ? "/dev/null" : "a/" + oldPath).Append('\n');
        output.Append("+++ ").Append(newText is null ? "/dev/null" : "b/" + newPath).Append('\n');
        foreach (var hunk in Hunks(script))
        {
            output.Append(hunk);
        }

        var result = output.ToString();
        foreach (var secret in sensitive ?? [])
        {
            if (secret.Length > 0)
            {
                result = result.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return result;
    }

    private readonly record struct Op(char Kind, string Line, int OldLine, int NewLine);

    /// <summary>Lines with their own line break, so a missing final newline shows as in diff -u.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static List<Op> Diff(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>();
        for (var i = 0; i < prefix; i++)
        {
            ops.Add(new Op(' ', a[i], i, i));
        }

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            // Too large for a line-by-line match: show the middle as replaced whole.
            for (var i = 0; i < n; i++)
            {
                ops.Add(new Op('-', a[prefix + i], prefix + i, prefix));
            }

            for (var j = 0; j < m; j++)
            {
                ops.Add(new Op('+', b[prefix + j], prefix + n, prefix + j));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    ops.Add(new Op(' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    ops.Add(new Op('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    ops.Add(new Op('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }
        }

        for (var i = 0; i < suffix; i++)
        {
            ops.Add(new Op(' ', a[a.Count - suffix + i], a.Count - suffix + i, b.Count - suffix + i));
        }

        return ops;
    }

    private static IEnumerable<string> Hunks(List<Op> ops)
    {
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * Context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + Context + 1);
            var hunk = ops.GetRange(start, end - start);
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            var oldStart = oldCount == 0 ? hunk[0].OldLine : hunk.First(o => o.Kind != '+').OldLine + 1;
            var newStart = newCount == 0 ? hunk[0].NewLine : hunk.First(o => o.Kind != '-').NewLine + 1;
            var builder = new StringBuilder();
            builder.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var op in hunk)
            {
                builder.Append(op.Kind).Append(op.Line.TrimEnd('\n')).Append('\n');
                if (!op.Line.EndsWith('\n'))
                {
                    builder.Append("\\ No newline at end of file\n");
                }
            }

            yield return builder.ToString();
            i = end;
        }
    }
}
