using System.Diagnostics;
using CsCheck;
using ManifestPolicy.Fixes;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Fixes;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Shows_a_changed_line_with_context()
    {
        var diff = UnifiedDiff.Create("a.yaml", "a.yaml", "a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\n");
        Assert.Equal("--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n a: 1\n-b: 2\n+b: 5\n c: 3\n", diff);
    }

    [Fact]
    public void Identical_texts_give_no_diff() => Assert.Equal(string.Empty, UnifiedDiff.Create("a", "a", "x\n", "x\n"));

    [Fact]
    public void Marks_a_missing_final_newline() =>
        Assert.Contains("\\ No newline at end of file", UnifiedDiff.Create("a", "a", "x", "y"), StringComparison.Ordinal);

    /// <summary>git apply accepts every diff and reproduces the new text from the old.</summary>
    [Fact]
    public void Git_applies_every_diff()
    {
        using var dir = new TempDirectory();
        if (!Run(dir.Path, "init", "-q"))
        {
            Assert.Fail("git is needed for this test");
        }

        var lines = Gen.OneOf("a: 1", "b: 2", "# note", "", "- item", "  nested: x").Array[0, 12];
        Gen.Select(lines, lines, Gen.Bool).Sample((before, after, finalNewline) =>
        {
            var oldText = string.Join("\n", before) + (before.Length > 0 && finalNewline ? "\n" : string.Empty);
            var newText = string.Join("\n", after) + (after.Length > 0 ? "\n" : string.Empty);
            File.WriteAllText(Path.Combine(dir.Path, "f.yaml"), oldText);
            var diff = UnifiedDiff.Create("f.yaml", "f.yaml", oldText, newText);
            if (diff.Length == 0)
            {
                Assert.Equal(oldText, newText);
                return;
            }

            File.WriteAllText(Path.Combine(dir.Path, "p.diff"), diff);
            Assert.True(Run(dir.Path, "apply", "p.diff"), diff);
            Assert.Equal(newText, File.ReadAllText(Path.Combine(dir.Path, "f.yaml")));
        }, iter: 40, threads: 1);
    }

    private static bool Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
