using System.Security.Cryptography;
using System.Text;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes;

/// <summary>A write that was refused or failed; the file is left as it was.</summary>
public sealed class FileWriteException(string message) : Exception(message);

/// <summary>The bytes of a file as they were read, to detect a change on disk before writing over it.</summary>
public sealed record FileSnapshot(string FullPath, string DisplayPath, byte[] Hash)
{
    public static FileSnapshot Read(string fullPath, string displayPath, out byte[] bytes)
    {
        bytes = File.ReadAllBytes(fullPath);
        return new FileSnapshot(fullPath, displayPath, SHA256.HashData(bytes));
    }

    public bool IsUnchangedOnDisk()
    {
        try
        {
            return File.Exists(FullPath) && SHA256.HashData(File.ReadAllBytes(FullPath)).AsSpan().SequenceEqual(Hash);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>
/// Writes files the way a fix must: never half-written (a temporary file in the same folder, then a rename), with the
/// original's byte order mark, line endings (already in the text) and permissions, and never over a file that changed
/// since it was read.
/// </summary>
public static class AtomicFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(SourceText text)
    {
        var body = Utf8.GetBytes(text.Text);
        if (!text.HasByteOrderMark)
        {
            return body;
        }

        var bytes = new byte[body.Length + 3];
        bytes[0] = 0xEF;
        bytes[1] = 0xBB;
        bytes[2] = 0xBF;
        body.CopyTo(bytes, 3);
        return bytes;
    }

    /// <summary>Replaces the file read as <paramref name="snapshot"/> with <paramref name="text"/>.</summary>
    public static void Replace(FileSnapshot snapshot, SourceText text)
    {
        if (SyntaxTree.Parse(text).Error is { } error)
        {
            throw new FileWriteException($"'{snapshot.DisplayPath}' was not written: the fixed text would not parse ({error.Message})");
        }

        if (!snapshot.IsUnchangedOnDisk())
        {
            throw new FileWriteException($"'{snapshot.DisplayPath}' changed on disk since it was read; it was not written, run the command again");
        }

        Write(snapshot.FullPath, Encode(text), snapshot.DisplayPath, copyModeFrom: snapshot.FullPath);
    }

    /// <summary>Writes a new or replaced file through a temporary file in the same folder.</summary>
    public static void Write(string fullPath, byte[] bytes, string displayPath, string? copyModeFrom = null)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                var source = copyModeFrom is not null && File.Exists(copyModeFrom) ? copyModeFrom : null;
                if (source is not null)
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(source));
                }
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new FileWriteException($"cannot write '{displayPath}': {ex.Message}");
        }
    }

    public static void Delete(FileSnapshot snapshot)
    {
        if (!snapshot.IsUnchangedOnDisk())
        {
            throw new FileWriteException($"'{snapshot.DisplayPath}' changed on disk since it was read; it was not deleted");
        }

        try
        {
            File.Delete(snapshot.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FileWriteException($"cannot delete '{snapshot.DisplayPath}': {ex.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temporary file is ours and harmless; the error that matters is reported by the caller.
        }
    }
}
