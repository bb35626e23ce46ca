package io.bedrockgateway.emulator;

/**
 * Plans the answers of every model that chats, whatever the API it is called through: the settings,
 * the faults requests ask for, and the prompt cache they share.
 */
record AnswerPlanner(EmulatorSettings settings, FaultGate faults, PromptCache promptCache) {

  /**
   * @throws BedrockServiceException a ValidationException for a malformed directive, or the error
   *     the request asked to be rejected with
   */
  AnswerPlan plan(ConverseRequest request, RequestOrigin origin) {
    return AnswerPlan.of(request, settings, faults, promptCache, origin);
  }
}
