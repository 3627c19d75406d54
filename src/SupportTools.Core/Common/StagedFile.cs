namespace SupportTools;

/// <summary>
/// A file written beside its target (a hidden temporary name in the same folder, so the final move is a rename on
/// one volume) and moved over the target only by <see cref="Commit"/>. Disposing without committing deletes the
/// temporary file: a failed, stopped or empty write never destroys a good file.
/// </summary>
internal sealed class StagedFile : IDisposable
{
    private bool _committed;

    private StagedFile(string targetPath, string temporaryPath, FileStream stream)
    {
        TargetPath = targetPath;
        TemporaryPath = temporaryPath;
        Stream = stream;
    }

    /// <summary>Starts writing <paramref name="targetPath"/>; throws <see cref="IOException"/> when <paramref name="noClobber"/> and it exists.</summary>
    public static StagedFile Create(string targetPath, bool noClobber = false)
    {
        var full = Path.GetFullPath(targetPath);
        if (Directory.Exists(full)) throw new IOException($"'{full}' is a folder; give a file name.");
        if (noClobber && File.Exists(full)) throw new IOException($"The file '{full}' already exists.");
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        return new StagedFile(full, temporary, stream);
    }

    /// <summary>The file that <see cref="Commit"/> replaces.</summary>
    public string TargetPath { get; }

    /// <summary>Where the content is written until committed.</summary>
    public string TemporaryPath { get; }

    /// <summary>The temporary file's stream (seekable).</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes to disk and moves the file into place (replacing the target, unless <paramref name="noClobber"/>).</summary>
    public void Commit(bool noClobber = false)
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(TemporaryPath, TargetPath, overwrite: !noClobber);
        _committed = true;
        SweepAbandoned();
    }

    /// <summary>
    /// Deletes partial files of this target left by a process that was killed (no <c>finally</c> ran) over an hour ago;
    /// younger ones may belong to a write still running.
    /// </summary>
    private void SweepAbandoned()
    {
        var folder = Path.GetDirectoryName(TargetPath)!;
        foreach (var stale in Directory.EnumerateFiles(folder, $".{Path.GetFileName(TargetPath)}.*.partial"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(stale) > AbandonedAfter) File.Delete(stale);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // someone else's file, or gone already: leave it
            }
        }
    }

    /// <summary>How old a partial file must be to count as abandoned.</summary>
    internal static TimeSpan AbandonedAfter { get; } = TimeSpan.FromHours(1);

    /// <summary>Closes the stream and deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed) File.Delete(TemporaryPath);
    }
}
