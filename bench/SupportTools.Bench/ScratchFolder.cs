namespace SupportTools.Bench;

/// <summary>
/// A temporary folder the bench owns for its exports and databases: deleted with everything in it on dispose,
/// and also on Ctrl+C (the handler deletes it before the process ends), so no run leaves gigabytes behind.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"supporttools-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        Console.CancelKeyPress += OnCancel;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        Delete();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        Console.Error.WriteLine($"Interrupted: deleting {Path}.");
        Delete(); // open files go too on Unix; the process ends right after
    }

    private void Delete()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete the scratch folder {Path}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            Console.Error.WriteLine($"Could not delete the scratch folder {Path}: {exception.Message}");
        }
    }
}
