namespace SupportTools.Desk;

/// <summary>A page of a Desk pull that cannot be used, naming the page's URL and why; the pull stops there.</summary>
public sealed class DeskPageException : Exception
{
    /// <summary>Creates the exception for the page at <paramref name="pageUri"/>.</summary>
    public DeskPageException(DeskPageProblem problem, Uri pageUri, string reason)
        : base($"Desk page {pageUri}: {reason}")
    {
        Problem = problem;
        PageUri = pageUri;
    }

    /// <summary>What was wrong.</summary>
    public DeskPageProblem Problem { get; }
    /// <summary>The page at fault.</summary>
    public Uri PageUri { get; }
}
