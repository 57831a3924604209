declare module 'asl-validator' {
  interface AslValidatorOptions {
    /** Check that every task `Resource` string is an ARN (objects such as `Fn::GetAtt` pass). */
    checkArn?: boolean;
    /** Check the JSONPath syntax of paths such as `InputPath` and `ResultPath`. */
    checkPaths?: boolean;
  }

  interface AslValidatorResult {
    isValid: boolean;
    errors: { message: string }[];
    errorsText(separator?: string): string;
  }

  /** Validates an Amazon States Language definition (asl-validator 4, which ships no types). */
  function aslValidator(definition: unknown, options?: AslValidatorOptions): AslValidatorResult;
  export = aslValidator;
}
