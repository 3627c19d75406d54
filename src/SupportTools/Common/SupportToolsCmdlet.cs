using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// What every SupportTools cmdlet shares, and only that: a cancellation token that <c>StopProcessing</c> (Ctrl+C)
/// trips, and one mapping of Core exceptions to error records. Derived cmdlets override <see cref="OnBegin"/>,
/// <see cref="OnRecord"/> and <see cref="OnEnd"/>; a Core exception escaping them becomes a terminating error with the
/// id and category <see cref="ErrorRecords.From"/> gives it (any other, a bug, <c>UnexpectedError</c>), and a
/// cancellation becomes a pipeline stop. Per-item
/// problems go through <see cref="WriteError(Exception, object?, string?)"/> with the same mapping.
/// </summary>
public abstract class SupportToolsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ProviderPaths? _paths;

    /// <summary>Tripped when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>Resolves file-system paths through PowerShell's providers, writing errors for what does not resolve.</summary>
    internal ProviderPaths Paths => _paths ??= new ProviderPaths(this);

    /// <inheritdoc />
    protected sealed override void BeginProcessing() => Guarded(OnBegin);

    /// <inheritdoc />
    protected sealed override void ProcessRecord() => Guarded(OnRecord);

    /// <inheritdoc />
    protected sealed override void EndProcessing() => Guarded(OnEnd);

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs once before the first pipeline object.</summary>
    protected virtual void OnBegin() { }

    /// <summary>Runs for each pipeline object (once when nothing is piped).</summary>
    protected virtual void OnRecord() { }

    /// <summary>Runs once after the last pipeline object.</summary>
    protected virtual void OnEnd() { }

    /// <summary>Writes a non-terminating error for <paramref name="exception"/>, mapped by its type.</summary>
    protected void WriteError(Exception exception, object? target, string? errorId = null) =>
        WriteError(ErrorRecords.From(exception, target, errorId) ?? ErrorRecords.Unexpected(exception, target));

    /// <summary>Terminates the command with the error record <paramref name="exception"/> maps to.</summary>
    protected void ThrowTerminatingError(Exception exception, object? target, string? errorId = null) =>
        ThrowTerminatingError(ErrorRecords.From(exception, target, errorId) ?? ErrorRecords.Unexpected(exception, target));

    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception exception) when (ErrorRecords.From(exception, null) is not null)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, null)!);
        }
        catch (Exception exception) when (exception is not RuntimeException and not OperationCanceledException)
        {
            // Anything else from Core is a bug: an UnexpectedError record (with the exception inside), never a raw .NET
            // exception. PowerShell's own (a stopped pipeline, -ErrorAction Stop, binding errors) pass through.
            ThrowTerminatingError(ErrorRecords.Unexpected(exception, null));
        }
    }

    /// <summary>Disposes what the cmdlet holds; PowerShell calls it when the pipeline ends or stops.</summary>
    public void Dispose()
    {
        Dispose(true);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the derived cmdlet's resources.</summary>
    protected virtual void Dispose(bool disposing) { }
}
