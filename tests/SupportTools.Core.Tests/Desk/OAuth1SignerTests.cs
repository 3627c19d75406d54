using SupportTools.Http;

namespace SupportTools.Tests.Desk;

/// <summary>HMAC-SHA1 signing against the worked examples of RFC 5849.</summary>
public class OAuth1SignerTests
{
    [Fact]
    public void The_signature_base_string_is_the_one_of_RFC_5849_section_3_4_1_1()
    {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with the form body c2&a3=2+q, and the protocol parameters.
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var protocol = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "9djdj82h48djs9d2",
            ["oauth_token"] = "kkk9d7dh3k39sjv7",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "137131201",
            ["oauth_nonce"] = "7d8f3e4a",
        };

        var baseString = OAuth1Signer.BaseString("POST", uri, protocol.Concat(OAuth1Signer.FormParameters("c2&a3=2+q")));

        Assert.Equal(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
            baseString);
    }

    [Fact]
    public void The_photo_request_of_RFC_5849_section_1_2_gets_the_RFCs_signature()
    {
        var signer = new OAuth1Signer("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", () => "chapoH", () => 137131202);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://photos.example.net/photos?file=vacation.jpg&size=original");

        signer.Sign(request);

        Assert.Equal("OAuth", request.Headers.Authorization!.Scheme);
        var parameters = Parameters(request.Headers.Authorization.Parameter!);
        Assert.Equal("MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D", parameters["oauth_signature"]);
        Assert.Equal("dpf43f3p2l4k3l03", parameters["oauth_consumer_key"]);
        Assert.Equal("nnch734d00sl2jdk", parameters["oauth_token"]);
        Assert.Equal("HMAC-SHA1", parameters["oauth_signature_method"]);
        Assert.Equal("137131202", parameters["oauth_timestamp"]);
        Assert.Equal("chapoH", parameters["oauth_nonce"]);
    }

    [Theory]
    // §3.4.1.2: lowercase scheme and host, no default port, other ports kept, the path still encoded.
    [InlineData("http://EXAMPLE.COM:80/r%20v/X?id=123", "http%3A%2F%2Fexample.com%2Fr%2520v%2FX")]
    [InlineData("https://www.example.net:8080/?q=1", "https%3A%2F%2Fwww.example.net%3A8080%2F")]
    public void The_base_string_URI_follows_section_3_4_1_2(string url, string encodedBaseUri) =>
        Assert.StartsWith("GET&" + encodedBaseUri + "&", OAuth1Signer.BaseString("GET", new Uri(url), []));

    [Fact]
    public void The_query_of_the_request_is_signed_and_every_attempt_gets_a_new_nonce()
    {
        var signer = new OAuth1Signer("key", "consumer-secret", "token", "token-secret");
        using var first = new HttpRequestMessage(HttpMethod.Get, "https://site.desk.com/api/v2/cases?page=1&per_page=100");
        using var again = new HttpRequestMessage(HttpMethod.Get, "https://site.desk.com/api/v2/cases?page=1&per_page=100");
        using var other = new HttpRequestMessage(HttpMethod.Get, "https://site.desk.com/api/v2/cases?page=2&per_page=100");
        var fixedSigner = new OAuth1Signer("key", "consumer-secret", "token", "token-secret", () => "n", () => 1);
        using var fixedPage1 = new HttpRequestMessage(HttpMethod.Get, "https://site.desk.com/api/v2/cases?page=1&per_page=100");
        using var fixedPage2 = new HttpRequestMessage(HttpMethod.Get, "https://site.desk.com/api/v2/cases?page=2&per_page=100");

        signer.Sign(first);
        signer.Sign(again);
        fixedSigner.Sign(fixedPage1);
        fixedSigner.Sign(fixedPage2);

        Assert.NotEqual(Parameters(first.Headers.Authorization!.Parameter!)["oauth_nonce"], Parameters(again.Headers.Authorization!.Parameter!)["oauth_nonce"]);
        Assert.NotEqual(Parameters(fixedPage1.Headers.Authorization!.Parameter!)["oauth_signature"], Parameters(fixedPage2.Headers.Authorization!.Parameter!)["oauth_signature"]);
        foreach (var request in new[] { first, again, fixedPage1 })
        {
            Assert.DoesNotContain("secret", request.Headers.Authorization!.Parameter!);
        }
    }

    private static Dictionary<string, string> Parameters(string header) =>
        header.Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
}
