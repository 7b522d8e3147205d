using MongoDB.Driver;
using Samverkan.Storage;
using Samverkan.Storage.MongoDB;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// The contract against the production adapter, each test in a database of its own that is dropped
/// afterwards. Every test is re-declared behind <see cref="MongoFactAttribute"/>, so without
/// <c>MONGODB_URI</c> they report themselves skipped instead of failing;
/// <see cref="ContractCoverageTests"/> checks that none is missed.
/// </summary>
public sealed class MongoDocumentStoreContract : DocumentStoreContract
{
    private readonly string _database = "samverkan_contracts_" + Guid.NewGuid().ToString("N");

    private static string Uri => Environment.GetEnvironmentVariable(MongoFactAttribute.UriVariable)!;

    protected override Task<IDocumentStore> OpenStoreAsync() => Task.FromResult<IDocumentStore>(new MongoDocumentStore(Uri, _database));

    protected override async Task DeleteStoreAsync()
    {
        (Store as IDisposable)?.Dispose();
        using var client = new MongoClient(Uri);
        await client.DropDatabaseAsync(_database);
    }

    [MongoFact]
    public override Task A_commit_returns_each_new_version_in_order_and_sees_its_own_earlier_writes() => base.A_commit_returns_each_new_version_in_order_and_sees_its_own_earlier_writes();

    [MongoFact]
    public override Task A_commit_whose_last_write_is_a_duplicate_stores_none_of_its_writes() => base.A_commit_whose_last_write_is_a_duplicate_stores_none_of_its_writes();

    [MongoFact]
    public override Task A_commit_whose_last_write_is_stale_stores_none_of_its_writes() => base.A_commit_whose_last_write_is_stale_stores_none_of_its_writes();

    [MongoFact]
    public override Task Pinging_a_working_store_answers_true() => base.Pinging_a_working_store_answers_true();

    [MongoFact]
    public override Task Racing_replaces_of_the_same_version_let_exactly_one_win() => base.Racing_replaces_of_the_same_version_let_exactly_one_win();

    [MongoFact]
    public override Task Racing_inserts_of_the_same_id_let_exactly_one_win() => base.Racing_inserts_of_the_same_id_let_exactly_one_win();

    [MongoFact]
    public override Task Queries_return_documents_in_ordinal_id_order() => base.Queries_return_documents_in_ordinal_id_order();

    [MongoFact]
    public override Task Ids_order_by_code_point_so_characters_beyond_U_FFFF_sort_after_U_FFFD() => base.Ids_order_by_code_point_so_characters_beyond_U_FFFF_sort_after_U_FFFD();

    [MongoFact]
    public override Task Querying_after_an_id_returns_only_later_ids() => base.Querying_after_an_id_returns_only_later_ids();

    [MongoFact]
    public override Task Querying_by_tag_returns_only_documents_carrying_exactly_that_tag() => base.Querying_by_tag_returns_only_documents_carrying_exactly_that_tag();

    [MongoFact]
    public override Task Repeating_a_tag_on_one_write_lists_the_document_once() => base.Repeating_a_tag_on_one_write_lists_the_document_once();

    [MongoFact]
    public override Task Replacing_a_document_replaces_its_tags() => base.Replacing_a_document_replaces_its_tags();

    [MongoFact]
    public override Task Deleting_a_document_removes_it_from_tag_queries() => base.Deleting_a_document_removes_it_from_tag_queries();

    [MongoFact]
    public override Task Queries_across_many_batches_return_every_document_once_in_order() => base.Queries_across_many_batches_return_every_document_once_in_order();

    [MongoFact]
    public override Task Collections_are_isolated_from_each_other() => base.Collections_are_isolated_from_each_other();

    [MongoFact]
    public override Task A_document_collection_round_trips_a_record_with_enum_and_DateOnly_fields() => base.A_document_collection_round_trips_a_record_with_enum_and_DateOnly_fields();

    [MongoFact]
    public override Task Seeding_once_loads_the_seed_and_a_second_call_adds_nothing() => base.Seeding_once_loads_the_seed_and_a_second_call_adds_nothing();

    [MongoFact]
    public override Task Racing_seeds_load_the_seed_once() => base.Racing_seeds_load_the_seed_once();

    [MongoFact]
    public override Task A_seed_whose_writes_fail_stores_nothing_and_throws() => base.A_seed_whose_writes_fail_stores_nothing_and_throws();

    [MongoFact]
    public override Task Inserting_a_document_then_finding_it_returns_its_json_at_version_1() => base.Inserting_a_document_then_finding_it_returns_its_json_at_version_1();

    [MongoFact]
    public override Task Finding_a_missing_document_returns_null() => base.Finding_a_missing_document_returns_null();

    [MongoFact]
    public override Task Inserting_an_existing_id_throws_and_keeps_the_original() => base.Inserting_an_existing_id_throws_and_keeps_the_original();

    [MongoFact]
    public override Task Replacing_bumps_the_version_by_one_and_stores_the_new_json() => base.Replacing_bumps_the_version_by_one_and_stores_the_new_json();

    [MongoFact]
    public override Task Replacing_with_a_stale_version_throws_and_keeps_the_stored_document() => base.Replacing_with_a_stale_version_throws_and_keeps_the_stored_document();

    [MongoFact]
    public override Task Replacing_a_missing_document_throws_a_conflict_without_an_actual_version() => base.Replacing_a_missing_document_throws_a_conflict_without_an_actual_version();

    [MongoFact]
    public override Task Deleting_removes_the_document_and_returns_version_0() => base.Deleting_removes_the_document_and_returns_version_0();

    [MongoFact]
    public override Task Deleting_with_a_stale_version_throws_and_keeps_the_document() => base.Deleting_with_a_stale_version_throws_and_keeps_the_document();

    [MongoFact]
    public override Task Deleting_a_missing_document_throws_a_conflict_without_an_actual_version() => base.Deleting_a_missing_document_throws_a_conflict_without_an_actual_version();

    [MongoFact]
    public override Task Inserting_again_after_a_delete_starts_over_at_version_1() => base.Inserting_again_after_a_delete_starts_over_at_version_1();

    [MongoFact]
    public override Task Appends_are_numbered_from_one_in_commit_order_and_found_by_their_padded_id() => base.Appends_are_numbered_from_one_in_commit_order_and_found_by_their_padded_id();

    [MongoFact]
    public override Task A_rolled_back_commit_takes_no_number_so_appends_have_no_gaps() => base.A_rolled_back_commit_takes_no_number_so_appends_have_no_gaps();

    [MongoFact]
    public override Task Racing_appends_get_distinct_consecutive_numbers() => base.Racing_appends_get_distinct_consecutive_numbers();

    [MongoFact]
    public override Task Each_collection_has_its_own_sequence() => base.Each_collection_has_its_own_sequence();

    [MongoFact]
    public override Task A_first_opening_writes_one_identity_into_the_store_and_the_marker() => base.A_first_opening_writes_one_identity_into_the_store_and_the_marker();

    [MongoFact]
    public override Task Opening_again_verifies_the_identity_the_marker_records() => base.Opening_again_verifies_the_identity_the_marker_records();

    [MongoFact]
    public override Task An_empty_store_whose_marker_records_an_identity_is_refused_and_left_empty() => base.An_empty_store_whose_marker_records_an_identity_is_refused_and_left_empty();

    [MongoFact]
    public override Task A_store_holding_another_identity_than_its_marker_records_is_refused() => base.A_store_holding_another_identity_than_its_marker_records_is_refused();

    [MongoFact]
    public override Task A_lost_marker_is_written_again_from_the_identity_the_store_holds() => base.A_lost_marker_is_written_again_from_the_identity_the_store_holds();

    [MongoFact]
    public override Task Racing_first_openings_agree_on_one_identity() => base.Racing_first_openings_agree_on_one_identity();

    [MongoFact]
    public override Task A_configured_store_id_refuses_an_empty_store_and_accepts_the_store_it_names() => base.A_configured_store_id_refuses_an_empty_store_and_accepts_the_store_it_names();

    [MongoFact]
    public override Task A_store_that_was_not_opened_is_not_seeded() => base.A_store_that_was_not_opened_is_not_seeded();
}
