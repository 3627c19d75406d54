namespace SupportTools.Desk;

/// <summary>What was wrong with a page of a Desk pull.</summary>
public enum DeskPageProblem
{
    /// <summary>The page is JSON but not a HAL page of cases (a member of the wrong type, an entry that is not a case).</summary>
    InvalidPage,
    /// <summary>The page's <c>next</c> link leads to a page already pulled: following it would never end.</summary>
    Loop,
}
