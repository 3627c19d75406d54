using System.Text.Json;
using SupportTools.Desk;

namespace SupportTools.Tests.Desk;

/// <summary>One Desk entry to one flat <see cref="DeskCase"/>: fields, links, counts and custom fields.</summary>
public class DeskCaseReaderTests
{
    private static readonly Uri Page = new("https://site.desk.com/api/v2/cases?page=1&per_page=2");

    // The shape of a v2 case: scalar fields, custom_fields, and _links with counts on attachments/notes/replies.
    private const string FullCase = """
        {"id":3011,"external_id":null,"blurb":"Printer on fire","subject":"Help: printer","priority":9,"locked_until":null,
         "description":"It burns.","status":"open","type":"phone","labels":["Urgent","Hardware"],"language":"en",
         "active_at":"2013-09-07T19:38:58Z","created_at":"2013-05-09T17:02:16Z","updated_at":"2013-09-07T19:39:07-07:00",
         "changed_at":"2013-09-07T19:39:07Z","received_at":"2013-05-09T17:02:16Z","first_opened_at":"2013-05-09T17:05:00Z",
         "opened_at":"2013-05-10T08:00:00Z","first_resolved_at":null,"resolved_at":null,
         "custom_fields":{"level":"gold","score":"12","seats":40,"vip":true,"follow_up":null},
         "_links":{"self":{"href":"/api/v2/cases/3011","class":"case"},"message":{"href":"/api/v2/cases/3011/message","class":"phone"},
           "customer":{"href":"/api/v2/customers/37823480","class":"customer"},"assigned_user":{"href":"/api/v2/users/16096734","class":"user"},
           "assigned_group":{"href":"/api/v2/groups/171213","class":"group"},"locked_by":null,
           "history":{"href":"/api/v2/cases/3011/history","class":"history"},
           "replies":{"href":"/api/v2/cases/3011/replies","class":"reply","count":3},
           "notes":{"href":"/api/v2/cases/3011/notes","class":"note","count":0},
           "attachments":{"href":"/api/v2/cases/3011/attachments","class":"attachment","count":2}}}
        """;

    private static DeskCase Read(string json, bool custom = false)
    {
        using var document = JsonDocument.Parse(json);
        return DeskCaseReader.Read(document.RootElement, Page, 0, custom);
    }

    [Fact]
    public void Every_scalar_field_link_and_count_lands_in_its_property()
    {
        var c = Read(FullCase);

        Assert.Equal(3011, c.Id);
        Assert.Null(c.ExternalId);
        Assert.Equal("Printer on fire", c.Blurb);
        Assert.Equal("Help: printer", c.Subject);
        Assert.Equal(9, c.Priority);
        Assert.Equal("It burns.", c.Description);
        Assert.Equal("open", c.Status);
        Assert.Equal("phone", c.Type);
        Assert.Equal("Urgent; Hardware", c.Labels);
        Assert.Equal("en", c.Language);
        Assert.Equal(new DateTimeOffset(2013, 9, 7, 19, 38, 58, TimeSpan.Zero), c.ActiveAt);
        Assert.Equal(new DateTimeOffset(2013, 5, 9, 17, 2, 16, TimeSpan.Zero), c.CreatedAt);
        Assert.Equal(new DateTimeOffset(2013, 9, 7, 19, 39, 7, TimeSpan.FromHours(-7)), c.UpdatedAt);
        Assert.Equal(TimeSpan.FromHours(-7), c.UpdatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2013, 9, 7, 19, 39, 7, TimeSpan.Zero), c.ChangedAt);
        Assert.Equal(new DateTimeOffset(2013, 5, 9, 17, 2, 16, TimeSpan.Zero), c.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2013, 5, 9, 17, 5, 0, TimeSpan.Zero), c.FirstOpenedAt);
        Assert.Equal(new DateTimeOffset(2013, 5, 10, 8, 0, 0, TimeSpan.Zero), c.OpenedAt);
        Assert.Null(c.FirstResolvedAt);
        Assert.Null(c.ResolvedAt);
        Assert.Null(c.LockedUntil);
        Assert.Equal("/api/v2/customers/37823480", c.CustomerUri);
        Assert.Equal("/api/v2/users/16096734", c.AssignedUserUri);
        Assert.Equal("/api/v2/groups/171213", c.AssignedGroupUri);
        Assert.Equal("/api/v2/cases/3011/message", c.MessageUri);
        Assert.Equal("/api/v2/cases/3011/history", c.HistoryUri);
        Assert.Equal("/api/v2/cases/3011", c.SelfUri);
        Assert.Equal(2, c.Attachments);
        Assert.Equal(0, c.Notes);
        Assert.Equal(3, c.Replies);
        Assert.Empty(c.GetCustomFields());
    }

    [Fact]
    public void Custom_fields_keep_the_type_the_API_gave_them_when_asked_for()
    {
        var fields = Read(FullCase, custom: true).GetCustomFields();

        Assert.Equal(["level", "score", "seats", "vip", "follow_up"], fields.Keys);
        Assert.Equal("gold", fields["level"]);
        Assert.Equal("12", fields["score"]);
        Assert.Equal(40L, fields["seats"]);
        Assert.Equal(true, fields["vip"]);
        Assert.Null(fields["follow_up"]);
    }

    [Fact]
    public void Null_or_missing_links_and_counts_are_null_and_an_id_missing_from_the_entry_comes_from_its_self_link()
    {
        // An older v2 answer: no id, links without counts, null assigned_user/assigned_group, no history link.
        var c = Read("""
            {"subject":"","priority":4,"status":"pending","type":"email","labels":[],"created_at":"2013-05-09T18:38:17Z","received_at":null,
             "_links":{"self":{"href":"/api/v2/cases/3012","class":"case"},"customer":{"href":"/api/v2/customers/1","class":"customer"},
               "assigned_user":null,"assigned_group":null,"locked_by":null,"replies":{"href":"/api/v2/cases/3012/replies","class":"reply"},
               "notes":null,"attachments":{"href":null}}}
            """);

        Assert.Equal(3012, c.Id);
        Assert.Null(c.AssignedUserUri);
        Assert.Null(c.AssignedGroupUri);
        Assert.Null(c.HistoryUri);
        Assert.Null(c.MessageUri);
        Assert.Null(c.Replies);
        Assert.Null(c.Notes);
        Assert.Null(c.Attachments);
        Assert.Equal("", c.Labels);
        Assert.Null(c.ReceivedAt);

        var bare = Read("""{"id":1,"_links":null}""");
        Assert.Null(bare.SelfUri);
        Assert.Null(bare.CustomerUri);
        Assert.Null(bare.Labels);
        Assert.Null(bare.Priority);
    }

    [Theory]
    [InlineData("""{"id":7,"priority":"high"}""", "entry 1 (case 7), field 'priority' should be a whole number, found a string \"high\"")]
    [InlineData("""{"id":7,"created_at":"yesterday"}""", "field 'created_at' should be a time (ISO 8601), found a string \"yesterday\"")]
    [InlineData("""{"id":7,"subject":{"text":"x"}}""", "field 'subject' should be text, found an object")]
    [InlineData("""{"id":7,"labels":[1]}""", "field 'labels' should hold names, found the number 1")]
    [InlineData("""{"id":7,"_links":{"customer":"/api/v2/customers/1"}}""", "'entry 1 _links.customer' should be an object with an href, found a string")]
    [InlineData("""{"id":7,"_links":{"notes":{"href":"/n","count":-1}}}""", "field '_links.notes.count' should be a whole number, found the number -1")]
    [InlineData("""[1,2]""", "entry 1 should be a case (an object), found a list")]
    public void A_value_that_cannot_mean_what_its_field_says_names_the_page_entry_and_field(string json, string expected)
    {
        var error = Assert.Throws<DeskPageException>(() => Read(json, custom: true));

        Assert.Equal(DeskPageProblem.InvalidPage, error.Problem);
        Assert.Equal(Page, error.PageUri);
        Assert.Contains(Page.ToString(), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Numbers_sent_as_text_and_whole_numbers_written_with_a_fraction_are_read()
    {
        var c = Read("""{"id":"42","priority":5.0,"external_id":1234}""");

        Assert.Equal(42, c.Id);
        Assert.Equal(5, c.Priority);
        Assert.Equal("1234", c.ExternalId);
    }
}
