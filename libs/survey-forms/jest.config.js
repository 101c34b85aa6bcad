module.exports = { ...require('../../jest.preset.js'), displayName: 'survey-forms', rootDir: __dirname };
