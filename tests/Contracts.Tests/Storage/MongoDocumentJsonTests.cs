using System.Text.Json.Nodes;
using Samverkan.Storage.MongoDB;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>The MongoDB adapter's JSON-to-BSON conversion, which needs no server and so always runs.</summary>
public sealed class MongoDocumentJsonTests
{
    [Theory]
    [InlineData("""{"price":19.99,"ratio":0.1,"big":1099511627776,"huge":123456789012345678901234567890,"exact":12345678901234.5678901234567}""")]
    [InlineData("""{"tiny":5e-324,"max":1.7976931348623157E+308,"negative":-42,"zero":0,"scaled":1.50,"long":-9223372036854775808}""")]
    [InlineData("""{"$date":"2024-01-01","a.b":{"$oid":"x"},"nested":[[1,2],{"k":null}],"t":true,"f":false,"empty":{},"none":[]}""")]
    [InlineData("""{"text":"quote \" backslash \\ newline \n control \u0001 Malmö 😀 \u2028 <&>"}""")]
    public void Stored_json_comes_back_as_the_same_json_value(string json)
    {
        var stored = MongoDocuments.ToStored(MongoDocuments.ToBson("id", 7, json, ["t", "t", "u"]));

        Assert.Equal(("id", 7L), (stored.Id, stored.Version));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(stored.Json)), $"Stored {json} but read {stored.Json}.");
    }

    [Fact]
    public void Tags_are_stored_once_each()
    {
        var bson = MongoDocuments.ToBson("id", 1, "{}", ["t", "u", "t"]);

        Assert.Equal(["t", "u"], bson[MongoDocuments.Tags].AsBsonArray.Select(tag => tag.AsString));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Json_that_is_not_an_object_is_refused(string json)
    {
        Assert.Throws<ArgumentException>(() => MongoDocuments.ToBson("id", 1, json, []));
    }
}
