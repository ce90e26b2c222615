package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.session.Session;
import org.junit.jupiter.api.Test;

/** The results panel edits the analysis definition through its view model, which follows the session. */
class ResultsDefinitionSeamTest {
    @Test
    void definitionFollowsTheSessionAndEditsReachIt() {
        Session session = new Session();
        ResultsViewModel vm = new ResultsViewModel(session);
        assertEquals(session.definition(), vm.definitionProperty().get());
        LimitMethod other = session.definition().limitMethod() == LimitMethod.values()[0]
                ? LimitMethod.values()[1]
                : LimitMethod.values()[0];
        vm.editDefinition(d -> d.withLimitMethod(other));
        assertEquals(other, session.definition().limitMethod(), "the edit reached the session");
        AnalysisDefinition fromElsewhere = session.definition().withCl(0.95);
        session.setDefinition(fromElsewhere); // e.g. a session file reopened
        assertEquals(fromElsewhere, vm.definitionProperty().get());
    }
}
