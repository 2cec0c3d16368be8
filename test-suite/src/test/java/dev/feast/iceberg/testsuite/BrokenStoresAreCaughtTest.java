package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The proof of the suite's strength: each deliberately broken store fails the conformance tests
 * named here (and the correct reference stores, run by Maven directly, pass them all).
 */
class BrokenStoresAreCaughtTest {

  static Stream<Arguments> brokenStores() {
    return Stream.of(
        Arguments.of(
            BrokenOfflineStores.TtlBoundExclusive.class,
            "o02_theTtlLowerBoundIsInclusiveAndMeasuredFromEachEntityRow"),
        Arguments.of(
            BrokenOfflineStores.TtlIgnored.class,
            "o02_theTtlLowerBoundIsInclusiveAndMeasuredFromEachEntityRow"),
        Arguments.of(
            BrokenOfflineStores.RandomTieWinner.class,
            "o04_everyBackfillCorrectionWinsOverTheRowItCorrects"),
        Arguments.of(
            BrokenOfflineStores.CreatedIgnored.class,
            "o04_onEqualEventTimestampsTheGreatestCreatedTimestampWins"),
        Arguments.of(
            BrokenOfflineStores.DuplicatesCollapsed.class,
            "o06_outputRowsEqualInputRowsWithDuplicatesAndExtraColumns"),
        Arguments.of(
            BrokenOfflineStores.FloatWidened.class,
            "o18_resultColumnsKeepTheirTypesListsEmptyListsAndNullsIncluded"),
        Arguments.of(
            BrokenOfflineStores.PullEndExclusive.class,
            "o14_pullLatestGivesOneRowPerKeyWithinAnInclusiveRange"),
        Arguments.of(
            BrokenOfflineStores.NaiveTimestampsInLocalZone.class,
            "o12_mixedTimeZonesCompareAsInstantsAndNaiveTimestampsAreUtc"),
        Arguments.of(
            BrokenOfflineStores.WriteNotAtomic.class,
            "o16_writeBatchChecksColumnsAppendsAtomicallyAndIsVisibleAtOnce"),
        Arguments.of(
            BrokenOfflineStores.NullKeysDropped.class,
            "o16_writeBatchChecksColumnsAppendsAtomicallyAndIsVisibleAtOnce"),
        Arguments.of(
            BrokenOnlineStores.MissingKeysDropped.class,
            "n01_oneResultPerKeyInInputOrderMissingKeysNotFoundDuplicatesAnsweredAlike"),
        Arguments.of(
            BrokenOnlineStores.OlderWriteReplacesNewer.class,
            "n04_anOlderWriteNeverReplacesANewerValue"),
        Arguments.of(
            BrokenOnlineStores.CreatedIgnoredOnline.class,
            "n04_theGreatestEventThenCreatedTimestampWinsWhateverOrderBatchesArriveIn"),
        Arguments.of(
            BrokenOnlineStores.FloatWidenedOnline.class,
            "n09_everyValueTypeRoundTripsWithItsTypeNullsAndEmptyListsIncluded"),
        Arguments.of(
            BrokenOnlineStores.DropDeletesOtherViews.class,
            "n05_updateCreatesAndDropsStorageWithoutTouchingAnotherViewsData"),
        Arguments.of(
            BrokenOnlineStores.VersionTwoKeys.class, "n07_storedEntityKeysAreFeastVersion3Bytes"),
        Arguments.of(
            BrokenOnlineStores.AllFeaturesReturned.class,
            "n02_onlyTheRequestedFeaturesComeBackInRequestOrder"),
        Arguments.of(BrokenOnlineStores.TeardownKeepsData.class, "n06_teardownRemovesEverything"),
        Arguments.of(
            BrokenOnlineStores.TtlNotApplied.class,
            "n11_aValueOlderThanTheTtlIsReportedOutsideMaxAge"),
        Arguments.of(
            BrokenOnlineStores.MaintenanceDeletesNothing.class,
            "n11_maintenanceDeletesValuesOlderThanTheTtl"),
        Arguments.of(
            BrokenOnlineStores.BulkWriteNotAtomic.class,
            "n13_aBulkWriteThatFailsMidwayLeavesThePreviousValuesWhole"),
        // Capability lies: declared but not honoured, or not declared but not refused.
        Arguments.of(
            BrokenOfflineStores.DeletesDeclaredButIgnored.class,
            "o20_positionAndEqualityDeletesCommittedToTheSourceAreHonoured"),
        Arguments.of(
            BrokenOfflineStores.DeletesDeclaredWithoutTheHook.class,
            "o20_positionAndEqualityDeletesCommittedToTheSourceAreHonoured"),
        Arguments.of(
            BrokenOfflineStores.DateRangeUndeclaredButAnswered.class,
            "o19_dateRangeRetrievalIsRejectedWhenUnsupported"),
        Arguments.of(
            BrokenOfflineStores.FilterByCreatedUndeclaredButAnswered.class,
            "o13_filterByCreatedTimestampIsRejectedWhenUnsupported"),
        Arguments.of(
            BrokenOfflineStores.PersistWithoutEntityTable.class, "o17_persistImpliesEntityTable"),
        Arguments.of(
            BrokenOfflineStores.PersistWithoutEntityTable.class,
            "o17_entityRowsFromATableAreRejectedWhenUnsupported"),
        Arguments.of(
            BrokenOfflineStores.RefusalNamesTheClass.class,
            "o19_dateRangeRetrievalIsRejectedWhenUnsupported"),
        Arguments.of(
            BrokenOnlineStores.MaintenanceUndeclaredButAnswered.class,
            "n11_maintenanceIsRejectedWhenUnsupported"));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("brokenStores")
  void eachBrokenStoreFailsTheConformanceTestForWhatItBreaks(Class<?> suite, String catching) {
    List<String> failed = failedTests(suite);
    assertThat(failed)
        .as("conformance tests failed by %s", suite.getSimpleName())
        .contains(catching);
  }

  @org.junit.jupiter.api.Test
  void theCorrectReferenceStoresFailNothingWhenRunTheSameWay() {
    assertThat(failedTests(ReferenceOfflineStoreConformanceTest.class)).isEmpty();
    assertThat(failedTests(ReferenceOnlineStoreConformanceTest.class)).isEmpty();
  }

  /** The test methods of a conformance class that fail (assertion or error; skips do not count). */
  static List<String> failedTests(Class<?> suite) {
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED
                && test.getSource().orElse(null)
                    instanceof org.junit.platform.engine.support.descriptor.MethodSource method) {
              failed.add(method.getMethodName());
            }
          }
        });
    return failed;
  }
}
