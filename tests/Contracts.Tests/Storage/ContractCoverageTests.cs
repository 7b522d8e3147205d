namespace Samverkan.Contracts.Tests.Storage;

public sealed class ContractCoverageTests
{
    [Fact]
    public void Every_contract_test_runs_against_MongoDB_behind_the_MONGODB_URI_gate()
    {
        var contractTests = typeof(DocumentStoreContract).GetMethods()
            .Where(method => method.DeclaringType == typeof(DocumentStoreContract) && method.IsDefined(typeof(FactAttribute), inherit: false))
            .ToList();

        var ungated = contractTests
            .Select(test => typeof(MongoDocumentStoreContract).GetMethod(test.Name)!)
            .Where(method => method.DeclaringType != typeof(MongoDocumentStoreContract) || !method.IsDefined(typeof(MongoFactAttribute), inherit: false))
            .Select(method => method.Name);

        Assert.NotEmpty(contractTests);
        Assert.Empty(ungated);
    }
}
