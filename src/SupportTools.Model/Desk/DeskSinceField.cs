namespace SupportTools.Desk;

/// <summary>Which time <c>-Since</c> compares: Desk's search offers both.</summary>
public enum DeskSinceField
{
    /// <summary>Cases updated at or after the time (<c>since_updated_at</c>): what an incremental pull wants.</summary>
    Updated,
    /// <summary>Cases created at or after the time (<c>since_created_at</c>).</summary>
    Created,
}
