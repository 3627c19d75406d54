namespace SupportTools.Desk;

/// <summary>
/// The data type of a Desk custom field, as <c>GET /api/v2/custom_fields</c> gives it in each field's
/// <c>data.type</c>: what a case's value is normalised to, whatever JSON type one page or another sent it as.
/// </summary>
internal enum DeskCustomFieldType
{
    /// <summary>Not listed (or a type this module does not know): the value is kept as the API sent it.</summary>
    Unknown,
    /// <summary>Text (<c>string</c>): the value's text.</summary>
    Text,
    /// <summary>A choice from a list (<c>list</c>): the chosen item's text.</summary>
    List,
    /// <summary>A whole number (<c>integer</c>): a <see cref="long"/>.</summary>
    Integer,
    /// <summary>A check box (<c>boolean</c>): a <see cref="bool"/>.</summary>
    Boolean,
    /// <summary>A date (<c>date</c>): a <see cref="DateTimeOffset"/>.</summary>
    Date,
}
